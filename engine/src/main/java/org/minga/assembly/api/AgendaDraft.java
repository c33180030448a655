package org.minga.assembly.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The agenda the plenary would approve now: every need still standing (not withdrawn) of every
 * pinned table, with its solution, who and when, and the table's spokesperson, in the order the
 * tables and their needs are given. A table not pinned adds nothing, whatever it wrote.
 * <p>
 * One rule for the two that need it: the aggregate freezes these items when the agenda is approved,
 * and the agenda read model shows them as the draft until then. Each builds the tables from what it
 * keeps; a need not finished yet (only possible on an unpinned table) reads with blanks.
 */
public final class AgendaDraft {

    /** A table as the draft reads it. */
    public record DraftTable(String axisId, String tableId, String spokespersonId, boolean pinned, List<DraftNeed> needs) {
        public DraftTable {
            needs = List.copyOf(needs);
        }
    }

    /** A need piece with what hangs from it; {@code solution} and {@code when} null until written. */
    public record DraftNeed(String pieceId, String text, boolean withdrawn, String solution,
                            List<String> cooperatingOrganizations, List<String> who, MonthRange when) {
        public DraftNeed {
            cooperatingOrganizations = cooperatingOrganizations == null ? List.of() : List.copyOf(cooperatingOrganizations);
            who = who == null ? List.of() : List.copyOf(who);
        }
    }

    private AgendaDraft() {
    }

    public static List<AgendaItem> items(List<DraftTable> tables) {
        List<AgendaItem> items = new ArrayList<>();
        for (DraftTable table : tables) {
            if (!table.pinned()) {
                continue;
            }
            for (DraftNeed need : table.needs()) {
                if (!need.withdrawn()) {
                    items.add(new AgendaItem(table.axisId(), table.tableId(), need.pieceId(), need.text(),
                            need.solution(), need.cooperatingOrganizations(), need.who(), need.when(),
                            table.spokespersonId()));
                }
            }
        }
        return items;
    }
}
