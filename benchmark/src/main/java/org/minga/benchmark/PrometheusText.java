package org.minga.benchmark;

/** Minga's metrics as {@code /actuator/prometheus} answers them (facilitators only), read once. */
final class PrometheusText {

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    static PrometheusText fetch(MingaApi api, Credential facilitator) {
        return new PrometheusText(api.getText("/actuator/prometheus", facilitator).expect(200).body());
    }

    /** Bytes of heap in use: {@code jvm_memory_used_bytes} summed over the heap pools. */
    long heapUsedBytes() {
        return sum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /**
     * Bytes allocated on the heap since Minga started, as Micrometer's JVM GC metrics count them
     * ({@code jvm_gc_memory_allocated_bytes_total}): the young generation's growth between one
     * collection and the next, so the counter moves only when a collection happens.
     */
    long allocatedBytes() {
        return sum("jvm_gc_memory_allocated_bytes_total", "");
    }

    /**
     * Bytes in use in the heap pool Micrometer counts allocation in ({@code jvm_memory_used_bytes}):
     * the young generation's eden for G1, Parallel and Serial, the whole heap for ZGC and Shenandoah,
     * which have no generations on Java 17. Its growth since the last collection is what has been
     * allocated and {@link #allocatedBytes} has not counted yet.
     */
    long allocationPoolUsedBytes() {
        return sum("jvm_memory_used_bytes", "Eden") + sum("jvm_memory_used_bytes", "id=\"ZHeap\"")
                + sum("jvm_memory_used_bytes", "id=\"Shenandoah\"") + sum("jvm_memory_used_bytes", "id=\"ZGC Young Generation\"");
    }

    /** The live-board streams Minga itself counts as open. */
    long boardViewers() {
        return sum("minga_board_viewers", "");
    }

    /**
     * How many events the furthest-behind read model still has to process ({@code minga_processor_lag_events});
     * -1 when no processor reports a number yet.
     */
    long processorLag() {
        double most = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("minga_processor_lag_events{")) {
                double lag = Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]);
                if (!Double.isNaN(lag)) {
                    most = Math.max(most, lag);
                }
            }
        }
        return Math.round(most);
    }

    /**
     * The sum over every sample of {@code metric} whose labels contain {@code labelFilter}; 0 when
     * there is none.
     */
    long sum(String metric, String labelFilter) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                int labelsEnd = line.lastIndexOf('}');
                String labels = labelsEnd < 0 ? "" : line.substring(metric.length(), labelsEnd + 1);
                if (labels.contains(labelFilter)) {
                    String sample = line.substring(labelsEnd < 0 ? metric.length() : labelsEnd + 1).trim();
                    total += Double.parseDouble(sample.split("\\s+")[0]);
                }
            }
        }
        return Math.round(total);
    }
}
