package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.time.Instant;

/** A step was opened; the deadline drives the projector's countdown. */
@Revision("1")
public record StepOpenedEvent(String assemblyId,
                              Step step,
                              Instant openedAt,
                              Instant deadline) {}
