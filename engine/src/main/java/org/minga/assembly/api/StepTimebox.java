package org.minga.assembly.api;

/** How many minutes the facilitator plans for a step; the countdown advises, it never enforces. */
public record StepTimebox(Step step, int minutes) {
}
