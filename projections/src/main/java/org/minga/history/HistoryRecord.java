package org.minga.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event of the stream as the history stores it: the message key and arguments of its
 * sentence, so it reads in whichever language is asked (the key is the catalogue's
 * {@code history.<key>}). An argument starting with "@" is itself a key of the history's words (a
 * step's name); one starting with "#" is a count, so the sentence can say "1 item" and "8 items";
 * one starting with "%" is a table id, told by its label ("Mesa 3"), which the split's record keeps
 * in {@code tableLabels}; one starting with "^" is a need's piece id, told by the text the need
 * had by then (kept by its earlier records, so a replay rebuilds it); what people wrote starts with
 * "=". Participants are never told: their ids stay in the arguments of records stored earlier, but
 * no sentence uses them.
 */
public record HistoryRecord(String assemblyId, long sequence, Instant at, String type, String messageKey,
                            List<String> arguments, String tableId, String pieceId, Map<String, String> tableLabels) {

    public HistoryRecord {
        arguments = List.copyOf(arguments);
        tableLabels = tableLabels == null ? Map.of() : Map.copyOf(tableLabels);
    }
}
