package org.minga.benchmark.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.minga.benchmark.Machine;

/**
 * The cores this JVM kept busy over a phase, and what every other process on the machine took
 * meanwhile (another engineer's build shares the cores): a figure read without it could be
 * mistaken for the event store's own.
 */
final class CpuShare {

    private final long begin;
    private final long ownBefore;
    private final OptionalLong machineBefore;

    private CpuShare(long begin, long ownBefore, OptionalLong machineBefore) {
        this.begin = begin;
        this.ownBefore = ownBefore;
        this.machineBefore = machineBefore;
    }

    static CpuShare start() {
        return new CpuShare(System.nanoTime(), ownCpuNanos(), Machine.busyCpuNanos());
    }

    /** {@code ownCpuCores} and, where Linux tells, {@code otherCpuCores} over the time since {@link #start()}. */
    Map<String, Object> stop() {
        double elapsed = System.nanoTime() - begin;
        long own = ownCpuNanos() - ownBefore;
        OptionalLong machineAfter = Machine.busyCpuNanos();
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("ownCpuCores", own / elapsed);
        if (machineBefore.isPresent() && machineAfter.isPresent()) {
            share.put("otherCpuCores", Math.max(0, (machineAfter.getAsLong() - machineBefore.getAsLong() - own) / elapsed));
        }
        return share;
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
