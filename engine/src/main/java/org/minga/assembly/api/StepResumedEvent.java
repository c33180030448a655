package org.minga.assembly.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The paused step's countdown runs again from {@code resumedAt}; {@code deadline} is its new end, the time left kept. */
@Revision("1")
public record StepResumedEvent(String assemblyId,
                               Step step,
                               Instant resumedAt,
                               Instant deadline) {
}
