package org.minga.assembly.api.query;

import java.time.Instant;

/**
 * One event of the stream told as a sentence, with where it happened; {@code need} is the text of
 * the need the event is about, as last written by then (null for events about no need).
 */
public record HistoryEntry(long sequence, Instant at, String type, String summary, String tableId, String pieceId, String need) {
}
