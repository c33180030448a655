package org.minga.ui.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.projections.ReadModel;
import org.minga.runtime.ReadPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read your own writes. A command's answer carries {@value #POSITION} (where the event store stood
 * once it was stored); a page sends the highest one it has seen with its next reads, and a read
 * waits, at most {@code minga.reads.catch-up} (3 s), until the read models it comes from have passed it. Then it is
 * answered as it is (a read is never refused for being late). Live streams never wait: they send
 * the whole board on connect and every change after.
 */
@Component
public class ReadAfterWrite implements HandlerInterceptor {

    public static final String POSITION = "X-Minga-Position";

    private static final Pattern ASSEMBLY_READ = Pattern.compile("^/api/assemblies(?:/[^/]+(/.*)?)?$");
    /** Which read model answers each read, by the path after the assembly. */
    private static final Map<String, ReadModel> READ_MODEL_OF = Map.of(
            "/board", ReadModel.BOARD,
            "/agenda", ReadModel.AGENDA, "/agenda.csv", ReadModel.AGENDA, "/agenda.md", ReadModel.AGENDA,
            "/history", ReadModel.HISTORY,
            "/participation", ReadModel.PARTICIPATION);
    private static final Set<String> SUMMARY_READS = Set.of("", "/tables", "/participants");
    private static final Pattern MEMBERS = Pattern.compile("^/tables/[^/]+/members$");

    private final ReadPositions positions;
    private final Duration maxWait;

    public ReadAfterWrite(ReadPositions positions, @Value("${minga.reads.catch-up:PT3S}") Duration maxWait) {
        this.positions = positions;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String seen = request.getHeader(POSITION);
        if (seen == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(seen.strip());
        } catch (NumberFormatException notAPosition) {
            return true; // a hint, not an input: a bad one is no reason to refuse the read
        }
        List<String> processors = processorsOf(request.getRequestURI().substring(request.getContextPath().length()));
        if (!processors.isEmpty() && position >= 0) {
            positions.awaitPassed(processors, position, maxWait);
        }
        return true;
    }

    /** The processors whose read model answers this path; none for streams and what no processor writes. */
    static List<String> processorsOf(String path) {
        Matcher read = ASSEMBLY_READ.matcher(path);
        if (!read.matches()) {
            return List.of();
        }
        String rest = read.group(1) == null ? "" : read.group(1);
        if (SUMMARY_READS.contains(rest) || MEMBERS.matcher(rest).matches()) {
            return List.of(ReadModel.ASSEMBLIES.processor());
        }
        ReadModel readModel = READ_MODEL_OF.get(rest);
        return readModel == null ? List.of() : List.of(readModel.processor());
    }

    /**
     * Notes on the answer to a command where the event store stood once it was stored. The command is
     * stored already: a store that cannot say where its head is now costs the header, not the answer.
     */
    void noteWrite(HttpServletResponse response) {
        if (response == null || response.isCommitted()) {
            return;
        }
        try {
            positions.head().ifPresent(head -> response.setHeader(POSITION, Long.toString(head)));
        } catch (RuntimeException storeNotReached) {
            // The page reads without waiting, as it did before positions.
        }
    }
}
