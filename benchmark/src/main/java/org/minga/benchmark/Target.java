package org.minga.benchmark;

/** What a figure must be to pass, e.g. at most 50 (ms): {@code comparison} is {@code <=}, {@code >=} or {@code ==}. */
public record Target(String comparison, double limit) {

    public Target {
        if (!comparison.equals("<=") && !comparison.equals(">=") && !comparison.equals("==")) {
            throw new IllegalArgumentException("Unknown comparison " + comparison);
        }
    }

    public static Target atMost(double limit) {
        return new Target("<=", limit);
    }

    public static Target atLeast(double limit) {
        return new Target(">=", limit);
    }

    public static Target exactly(double limit) {
        return new Target("==", limit);
    }

    public boolean metBy(double value) {
        return switch (comparison) {
            case "<=" -> value <= limit;
            case ">=" -> value >= limit;
            default -> value == limit;
        };
    }

    /** As a person reads it: "≤ 50". */
    public String describe() {
        String symbol = switch (comparison) {
            case "<=" -> "≤";
            case ">=" -> "≥";
            default -> "=";
        };
        return symbol + " " + Figure.format(limit);
    }
}
