package org.minga.ui.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;

/**
 * Logs unexpected failures so they are found without flooding the disk: the first few of each
 * kind (exception class and where it was thrown) with their stack trace, then at most one line a
 * minute counting the ones left out. A client repeating a request that breaks Minga fills a few
 * lines, not megabytes.
 */
public final class FailureLog {

    static final int TRACES_PER_KIND = 3;
    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);
    /** Beyond this many kinds every new one shares a single count, so the table cannot grow without end. */
    static final int MAX_KINDS = 200;

    private final Logger log;
    private final Clock clock;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    private static final class Kind {
        int traced;
        long leftOut;
        Instant lastSummary;
    }

    public FailureLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void failed(String what, Throwable failure) {
        String kind = kindOf(failure);
        Instant now = clock.instant();
        String summary = null;
        boolean trace;
        synchronized (kinds) {
            Kind seen = kinds.get(kind);
            if (seen == null) {
                if (kinds.size() >= MAX_KINDS) {
                    kind = "other failures";
                    seen = kinds.computeIfAbsent(kind, k -> new Kind());
                } else {
                    seen = new Kind();
                    kinds.put(kind, seen);
                }
            }
            trace = seen.traced < TRACES_PER_KIND;
            if (trace) {
                seen.traced++;
                seen.lastSummary = now;
            } else {
                seen.leftOut++;
                if (!now.isBefore(seen.lastSummary.plus(SUMMARY_EVERY))) {
                    summary = what + ": " + kind + " happened " + seen.leftOut
                            + " more times since the last report (stack trace logged earlier)";
                    seen.leftOut = 0;
                    seen.lastSummary = now;
                }
            }
        }
        if (trace) {
            log.error(what, failure);
        } else if (summary != null) {
            log.error(summary);
        }
    }

    /** The root cause's class and the place it was thrown: the same bug, whatever the request said. */
    static String kindOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StackTraceElement[] trace = root.getStackTrace();
        String where = trace.length == 0 ? "?" : trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
        return failure.getClass().getName() + " / " + root.getClass().getName() + " at " + where;
    }
}
