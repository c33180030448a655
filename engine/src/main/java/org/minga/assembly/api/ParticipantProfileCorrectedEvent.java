package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/**
 * A person's registration attributes were corrected; {@code profile} replaces the one registered.
 * Only the opaque id and the form's attributes: no personal data. A correction, not an erasure.
 */
@Revision("1")
public record ParticipantProfileCorrectedEvent(String assemblyId,
                                               String participantId,
                                               ParticipantProfile profile) {}
