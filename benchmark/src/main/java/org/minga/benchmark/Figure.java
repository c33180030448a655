package org.minga.benchmark;

import java.util.Locale;

/**
 * One figure of a measurement: a value in a unit, and where the issue sets one, the target with
 * its result ({@code pass} or {@code miss}). A figure that could not be measured has no value and
 * says why in {@code note}.
 */
public record Figure(String label, Number value, String unit, Target target, String result, String note) {

    public static Figure of(String label, Number value, String unit) {
        return new Figure(label, value, unit, null, null, null);
    }

    public static Figure against(String label, Number value, String unit, Target target) {
        return new Figure(label, value, unit, target, target.metBy(value.doubleValue()) ? "pass" : "miss", null);
    }

    /** A figure with a target that has no value (nothing to measure it on) misses its target. */
    public static Figure missing(String label, String unit, Target target, String why) {
        return new Figure(label, null, unit, target, "miss", why);
    }

    public static Figure notMeasured(String label, String unit, String why) {
        return new Figure(label, null, unit, null, null, why);
    }

    public boolean missed() {
        return "miss".equals(result);
    }

    /** Whole numbers as they are, others with one decimal, or two below 10 (a ratio of 1.23 against a target of 1.2). */
    static String format(Number value) {
        if (value == null) {
            return "—";
        }
        double d = value.doubleValue();
        if (value instanceof Integer || value instanceof Long || d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(Math.round(d));
        }
        return String.format(Locale.ROOT, Math.abs(d) < 10 ? "%.2f" : "%.1f", d);
    }
}
