package org.minga.assembly.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The open step's countdown stopped at {@code pausedAt}; the time left is its deadline minus that moment. */
@Revision("1")
public record StepPausedEvent(String assemblyId,
                              Step step,
                              Instant pausedAt) {
}
