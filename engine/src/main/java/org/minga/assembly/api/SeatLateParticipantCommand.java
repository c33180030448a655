package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Seats a participant registered after the split; without a table the engine picks one with room, preferring their axis. */
public record SeatLateParticipantCommand(@TargetAggregateIdentifier String assemblyId,
                                         String participantId,
                                         String tableId) {
}
