package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A table got its leader. */
@Revision("1")
public record TableLeaderAssignedEvent(String assemblyId,
                                       String tableId,
                                       String participantId) {}
