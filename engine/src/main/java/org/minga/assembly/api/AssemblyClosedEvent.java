package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.time.Instant;

/** The assembly was closed. */
@Revision("1")
public record AssemblyClosedEvent(String assemblyId,
                                  Instant closedAt) {}
