package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a seated person to another table of the assembly (a family sits together, a table is too
 * full, someone was seated at the wrong axis), with an optional reason for the history.
 */
public record MoveParticipantCommand(@TargetAggregateIdentifier String assemblyId,
                                     String participantId,
                                     String tableId,
                                     String reason) {
}
