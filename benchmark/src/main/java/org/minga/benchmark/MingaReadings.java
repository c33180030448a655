package org.minga.benchmark;

import java.util.OptionalLong;

/**
 * What Minga's own metrics say once the load is over: the live-board streams it counts and, for a
 * Minga the harness started, the heap right after a full collection. Either may be missing, and
 * {@code whyNot} then says why: an overloaded Minga may not answer its metrics in time, and the
 * harness cannot force the collection of a Minga it did not start.
 */
record MingaReadings(OptionalLong boardViewers, OptionalLong heapAfterGcBytes, String whyNot) {

    private static final int ATTEMPTS = 2;

    static MingaReadings read(MingaProcess started, MingaApi api, Credential facilitator) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (started != null) {
                    started.collectGarbage();
                }
                PrometheusText metrics = PrometheusText.fetch(api, facilitator);
                return started == null
                        ? new MingaReadings(OptionalLong.of(metrics.boardViewers()), OptionalLong.empty(),
                                "Minga given by url=: the harness cannot force its garbage collection")
                        : new MingaReadings(OptionalLong.of(metrics.boardViewers()), OptionalLong.of(metrics.heapUsedBytes()), null);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        Throwable cause = last.getCause() != null ? last.getCause() : last;
        return new MingaReadings(OptionalLong.empty(), OptionalLong.empty(),
                "Minga's metrics did not answer (" + last.getMessage() + ": " + cause + ")");
    }
}
