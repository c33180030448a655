package org.minga.assembly.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The steps of the method, in the order a facilitator runs them. */
public enum Step {
    NEEDS("needs", 15),
    SOLUTIONS("solutions", 15),
    WORK_PLAN("work-plan", 20),
    SPOKESPEOPLE("spokespeople", 10),
    PLENARY("plenary", 30);

    private final String code;
    private final int defaultMinutes;

    Step(String code, int defaultMinutes) {
        this.code = code;
        this.defaultMinutes = defaultMinutes;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The timebox the method suggests when the assembly does not set one. */
    public int defaultMinutes() {
        return defaultMinutes;
    }

    @JsonCreator
    public static Step fromCode(String code) {
        return Codes.lookup(Step.class, code, Step::code, "step");
    }
}
