package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

/** Opens a step of the method (closing the one that was open); {@code minutes} overrides its timebox. */
public record OpenStepCommand(@TargetAggregateIdentifier String assemblyId,
                              Step step,
                              Instant openedAt,
                              Integer minutes) {
}
