package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A table elected its spokesperson. */
@Revision("1")
public record SpokespersonElectedEvent(String assemblyId,
                                       String tableId,
                                       String participantId) {}
