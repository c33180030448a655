package org.minga.assembly.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops the running step's countdown (a break, a dispute to settle); resuming keeps the time it had left. */
public record PauseStepCommand(@TargetAggregateIdentifier String assemblyId,
                               Step step,
                               Instant pausedAt) {
}
