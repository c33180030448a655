package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A participant who arrived after the split was seated. */
@Revision("1")
public record LateParticipantSeatedEvent(String assemblyId,
                                         String participantId,
                                         String tableId) {}
