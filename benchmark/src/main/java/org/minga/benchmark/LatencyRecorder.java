package org.minga.benchmark;

import java.util.Arrays;

/**
 * Keeps every latency and sorts them when asked: a run holds at most a few hundred thousand values,
 * so exact percentiles cost less than a histogram's configuration. Percentiles are nearest-rank:
 * p99 is the smallest value that at least 99 % of the values do not exceed.
 */
public final class LatencyRecorder {

    private long[] values = new long[1024];
    private int count;
    private boolean sorted = true;

    public synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = nanos;
        sorted = false;
    }

    public synchronized int count() {
        return count;
    }

    /** The value at percentile {@code p} (0 < p ≤ 100), in nanoseconds; 0 when nothing was recorded. */
    public synchronized long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("A percentile is above 0 and at most 100, not " + p);
        }
        if (count == 0) {
            return 0;
        }
        sort();
        int rank = (int) Math.ceil(p / 100.0 * count);
        return values[Math.max(rank, 1) - 1];
    }

    public synchronized long max() {
        if (count == 0) {
            return 0;
        }
        sort();
        return values[count - 1];
    }

    /** The usual figures in milliseconds. */
    public synchronized Summary summary() {
        return new Summary(count, millis(percentile(50)), millis(percentile(95)), millis(percentile(99)), millis(max()));
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, count);
            sorted = true;
        }
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Count and latencies in milliseconds. */
    public record Summary(int count, double p50, double p95, double p99, double max) {
    }
}
