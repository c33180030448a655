package org.minga.assembly.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts the paused step's countdown again with the time it had left when paused. */
public record ResumeStepCommand(@TargetAggregateIdentifier String assemblyId,
                                Step step,
                                Instant resumedAt) {
}
