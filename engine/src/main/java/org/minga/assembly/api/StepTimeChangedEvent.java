package org.minga.assembly.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The open step got {@code minutes} more (or, below zero, fewer); {@code deadline} is its new end,
 * never before {@code changedAt}. A correction kept in the history, not an erasure.
 */
@Revision("1")
public record StepTimeChangedEvent(String assemblyId,
                                   Step step,
                                   int minutes,
                                   Instant deadline,
                                   Instant changedAt) {
}
