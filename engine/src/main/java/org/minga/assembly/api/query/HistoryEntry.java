package org.minga.assembly.api.query;

import java.time.Instant;

/** One event of the stream told as a sentence, with where it happened. */
public record HistoryEntry(long sequence, Instant at, String type, String summary, String tableId, String pieceId) {
}
