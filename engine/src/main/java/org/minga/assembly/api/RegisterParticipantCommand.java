package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a participant by an opaque id and the non-identifying attributes of the registration form. */
public record RegisterParticipantCommand(@TargetAggregateIdentifier String assemblyId,
                                         String participantId,
                                         ParticipantProfile profile) {
}
