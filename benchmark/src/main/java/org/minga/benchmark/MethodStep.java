package org.minga.benchmark;

import java.util.List;

/**
 * The steps of the method in which a table's phone sends commands, each with the command the load
 * repeats: assemblies are dealt round them, so the load carries every phone command of the method
 * (needs, solutions, work plans, spokespeople and the pin) as rooms at different points of their
 * day would send them.
 */
public enum MethodStep {

    /** Revising a need's text. */
    NEEDS("needs"),
    /** Attaching, then revising, a need's solution. */
    SOLUTIONS("solutions"),
    /** Setting, then revising, a solution's work plan. */
    WORK_PLAN("work-plan"),
    /** Electing the spokesperson (the table changing its mind), and pinning the puzzle last. */
    SPOKESPEOPLE("spokespeople");

    private final String code;

    MethodStep(String code) {
        this.code = code;
    }

    /** The step as the API names it in {@code /steps/{step}/open}. */
    public String code() {
        return code;
    }

    /** The step of the {@code index}-th assembly: round the four steps in order. */
    public static MethodStep ofAssembly(int index) {
        return values()[index % values().length];
    }

    /** The steps a facilitator opens after the needs step to bring an assembly here, in order, this one last. */
    public List<MethodStep> openedAfterNeeds() {
        return List.of(values()).subList(1, ordinal() + 1);
    }
}
