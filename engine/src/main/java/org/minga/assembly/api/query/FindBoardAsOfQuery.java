package org.minga.assembly.api.query;

import java.time.Instant;

/**
 * The board as it stood after the event with sequence {@code sequence}, or at the instant
 * {@code at}: rebuilt from the raw stream, for auditors. Exactly one of the two is given.
 */
public record FindBoardAsOfQuery(String assemblyId, Long sequence, Instant at) {
}
