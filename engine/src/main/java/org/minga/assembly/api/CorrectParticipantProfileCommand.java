package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects the non-identifying attributes a person registered with (a typo in the form or in an
 * imported CSV); names and contacts are corrected in the erasable registry, never here.
 */
public record CorrectParticipantProfileCommand(@TargetAggregateIdentifier String assemblyId,
                                               String participantId,
                                               ParticipantProfile profile) {
}
