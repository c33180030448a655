package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.time.Instant;

/** A step was closed. */
@Revision("1")
public record StepClosedEvent(String assemblyId,
                              Step step,
                              Instant closedAt) {}
