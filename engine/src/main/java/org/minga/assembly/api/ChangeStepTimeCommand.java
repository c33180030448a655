package org.minga.assembly.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives the open step more time ({@code minutes} above zero) or less (below zero): the room needs
 * five more minutes, or is done early. Its countdown moves; nothing written is touched.
 */
public record ChangeStepTimeCommand(@TargetAggregateIdentifier String assemblyId,
                                    Step step,
                                    Integer minutes,
                                    Instant changedAt) {
}
