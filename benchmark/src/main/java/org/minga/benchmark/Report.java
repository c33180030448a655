package org.minga.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark run: when, how it was started, on what machine, against which Minga, and its
 * measurements by key ({@code start}, {@code liveRoom}, and whatever later measurements add).
 */
public record Report(String title, String date, String command, Machine machine, String minga,
                     Map<String, Measurement> measurements) {

    public Report with(String key, Measurement measurement) {
        Map<String, Measurement> more = new LinkedHashMap<>(measurements);
        more.put(key, measurement);
        return new Report(title, date, command, machine, minga, more);
    }

    public boolean missedAnyTarget() {
        return measurements.values().stream().anyMatch(Measurement::missedAnyTarget);
    }
}
