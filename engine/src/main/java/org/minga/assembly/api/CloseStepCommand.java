package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

/** Closes a step; pieces for it are refused until it is opened again. */
public record CloseStepCommand(@TargetAggregateIdentifier String assemblyId,
                               Step step,
                               Instant closedAt) {
}
