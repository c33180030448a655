package org.minga.security;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.minga.security.ShareLinks.LinkAccess;
import org.minga.security.TableCodes.TableAccess;

/**
 * Who may call which assembly endpoint. Facilitators may do everything; a table's code acts for
 * that table only; a projector link reads the board; an auditor link reads history, time travel,
 * agenda and participation, never personal data; a public link reads the agenda and the heading the
 * agenda page shows (the summary, answered without participants). A pure function of who and what.
 */
public final class AccessPolicy {

    private static final Pattern ASSEMBLY = Pattern.compile("^/api/assemblies/([^/]+)(/.*)?$");
    private static final Pattern TABLE_CHANGE =
            Pattern.compile("^/tables/([^/]+)/(needs|needs/[^/]+|needs/[^/]+/solution|needs/[^/]+/work-plan|spokesperson|pin)$");
    private static final Pattern TABLE_MEMBERS = Pattern.compile("^/tables/([^/]+)/members$");
    private static final Set<String> TABLE_READS = Set.of("", "/board", "/board/stream", "/agenda", "/agenda.csv", "/agenda.md");
    private static final Set<String> PROJECTOR_READS = Set.of("/board", "/board/stream");
    private static final Set<String> AUDITOR_READS = Set.of("", "/board", "/board/stream", "/history", "/agenda", "/agenda.csv",
            "/agenda.md", "/participation");
    private static final Set<String> PUBLIC_READS = Set.of("", "/agenda", "/agenda.csv", "/agenda.md");

    private AccessPolicy() {
    }

    /** The assembly an API path is about, or null when it is about none. */
    public static String assemblyOf(String path) {
        Matcher assembly = ASSEMBLY.matcher(path);
        return assembly.matches() ? assembly.group(1) : null;
    }

    public static boolean tableMay(TableAccess table, String method, String path) {
        Matcher assembly = ASSEMBLY.matcher(path);
        if (!assembly.matches() || !assembly.group(1).equals(table.assemblyId())) {
            return false;
        }
        String rest = assembly.group(2) == null ? "" : assembly.group(2);
        if ("GET".equals(method)) {
            Matcher members = TABLE_MEMBERS.matcher(rest);
            return TABLE_READS.contains(rest) || (members.matches() && members.group(1).equals(table.tableId()));
        }
        Matcher change = TABLE_CHANGE.matcher(rest);
        return change.matches() && change.group(1).equals(table.tableId()) && !"GET".equals(method);
    }

    public static boolean linkMay(LinkAccess link, String method, String path) {
        Matcher assembly = ASSEMBLY.matcher(path);
        if (!"GET".equals(method) || !assembly.matches() || !assembly.group(1).equals(link.assemblyId())) {
            return false;
        }
        String rest = assembly.group(2) == null ? "" : assembly.group(2);
        Set<String> reads = switch (link.kind()) {
            case ShareLinks.AUDITOR -> AUDITOR_READS;
            case ShareLinks.PUBLIC -> PUBLIC_READS;
            default -> PROJECTOR_READS;
        };
        return reads.contains(rest);
    }
}
