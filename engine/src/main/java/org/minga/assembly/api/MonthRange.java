package org.minga.assembly.api;

import java.time.YearMonth;

/** A span of whole months, both ends included: the planning horizon, or when a solution is carried out. */
public record MonthRange(YearMonth from, YearMonth to) {

    public boolean contains(MonthRange other) {
        return !other.from().isBefore(from) && !other.to().isAfter(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
