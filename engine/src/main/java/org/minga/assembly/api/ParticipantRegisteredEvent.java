package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A participant registered; no personal data, only the opaque id and the form's attributes. */
@Revision("1")
public record ParticipantRegisteredEvent(String assemblyId,
                                         String participantId,
                                         ParticipantProfile profile) {}
