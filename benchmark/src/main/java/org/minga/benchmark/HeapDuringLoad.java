package org.minga.benchmark;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Minga's heap went through during one load, for a Minga the harness started: the bytes it
 * allocated, over how many commands and how long, and the GC pauses its GC log recorded in between.
 * Each part may be missing, and its {@code whyNot} then says why (a Minga given by url=, metrics
 * that did not answer, a GC log that could not be read).
 *
 * <p>Allocation is Micrometer's {@code jvm_gc_memory_allocated_bytes_total}, which grows only at a
 * collection (by how much its pool grew since the collection before), plus the growth of that pool
 * since then ({@link PrometheusText#allocationPoolUsedBytes}), each read right before and right
 * after the load: what the load allocated also when no collection happened during it. For G1,
 * Parallel and Serial the pool is the eden, empty after every collection, so this is exact to
 * within a heap region; for ZGC it is the whole heap, and when ZGC collected during the load the
 * figure is off by how much its heap after a collection changed, which over a long load is small
 * against what the load allocated.
 */
record HeapDuringLoad(OptionalLong allocatedBytes, String allocationWhyNot, int commands, Duration length,
                      Optional<GcLog.Pauses> pauses, String pausesWhyNot) {

    private static final String NOT_STARTED = "Minga given by url=: the harness reads only the GC log and counters of a Minga it started";

    /** Minga's counters right before the load, each -1 when it could not be read, and why. */
    record Start(MingaProcess minga, long allocatedBytes, long poolBytes, String allocationWhyNot, long gcLogSize, String pausesWhyNot,
                 long atNanos) {

        /** Reads them again right after the load, which sent {@code commands} commands to Minga. */
        HeapDuringLoad end(MingaApi api, Credential facilitator, int commands) {
            long endNanos = System.nanoTime();
            Duration length = Duration.ofNanos(endNanos - atNanos);
            if (minga == null) {
                return new HeapDuringLoad(OptionalLong.empty(), NOT_STARTED, commands, length, Optional.empty(), NOT_STARTED);
            }
            Optional<GcLog.Pauses> pauses = Optional.empty();
            String pausesWhy = pausesWhyNot;
            if (pausesWhy == null) {
                try {
                    pauses = Optional.of(GcLog.pausesBetween(minga.gcLog(), gcLogSize, GcLog.size(minga.gcLog())));
                } catch (RuntimeException e) {
                    pausesWhy = "Minga's GC log could not be read (" + e.getMessage() + ")";
                }
            }
            OptionalLong allocated = OptionalLong.empty();
            String allocationWhy = allocationWhyNot;
            if (allocationWhy == null) {
                try {
                    PrometheusText metrics = PrometheusText.fetch(api, facilitator);
                    long bytes = metrics.allocatedBytes() - allocatedBytes + metrics.allocationPoolUsedBytes() - poolBytes;
                    if (bytes > 0) {
                        allocated = OptionalLong.of(bytes);
                    } else {
                        allocationWhy = "Minga's allocation counters moved by " + bytes + " bytes during the load: a collection in between "
                                + "left more on the heap than the load allocated";
                    }
                } catch (RuntimeException e) {
                    allocationWhy = "Minga's metrics did not answer after the load (" + e.getMessage() + ")";
                }
            }
            return new HeapDuringLoad(allocated, allocationWhy, commands, length, pauses, pausesWhy);
        }
    }

    /** Reads Minga's counters and the size of its GC log right before a load; {@code minga} null: a Minga the harness did not start. */
    static Start start(MingaProcess minga, MingaApi api, Credential facilitator) {
        if (minga == null) {
            return new Start(null, -1, -1, NOT_STARTED, -1, NOT_STARTED, System.nanoTime());
        }
        long allocated = -1;
        long pool = -1;
        String allocationWhy = null;
        try {
            PrometheusText metrics = PrometheusText.fetch(api, facilitator);
            allocated = metrics.allocatedBytes();
            pool = metrics.allocationPoolUsedBytes();
        } catch (RuntimeException e) {
            allocationWhy = "Minga's metrics did not answer before the load (" + e.getMessage() + ")";
        }
        long gcLogSize = -1;
        String pausesWhy = null;
        try {
            gcLogSize = GcLog.size(minga.gcLog());
        } catch (RuntimeException e) {
            pausesWhy = "Minga's GC log could not be read (" + e.getMessage() + ")";
        }
        return new Start(minga, allocated, pool, allocationWhy, gcLogSize, pausesWhy, System.nanoTime());
    }
}
