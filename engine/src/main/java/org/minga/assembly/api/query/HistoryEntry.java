package org.minga.assembly.api.query;

import java.time.Instant;

/**
 * One event of the stream told as a sentence, with where it happened. {@code kind} says what
 * happened in a word that stays when an event's class is renamed ("need-written", "step-opened";
 * docs/API.md lists them); {@code type} is the event's class name, as before. {@code need} is the
 * text of the need the event is about, as last written by then (null for events about no need).
 */
public record HistoryEntry(long sequence, Instant at, String type, String kind, String summary, String tableId, String pieceId, String need) {
}
