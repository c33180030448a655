package org.minga.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One event of the stream as the history stores it: the message key and arguments of its
 * sentence, so it reads in whichever language is asked (the key is the catalogue's
 * {@code history.<key>}). An argument starting with "@" is itself a key of the history's words (a
 * step's name); one starting with "#" is a count, so the sentence can say "1 item" and "8 items";
 * one starting with "%" is a table id, told by its label ("Mesa 3"): the split's record keeps each
 * table's number in {@code tableNumbers}, labelled when read in the assembly's {@code language},
 * which the scheduling record keeps (records stored before kept the label itself, in
 * {@code tableLabels}); one starting with "^" is a need's piece id, told by the text the need had
 * by then (kept by its earlier records, so a replay rebuilds it); what people wrote starts with
 * "=". Participants are never told: their ids stay in the arguments of records stored earlier, but
 * no sentence uses them.
 */
public record HistoryRecord(String assemblyId, long sequence, @JsonDeserialize(using = StoredInstant.class) Instant at,
                            String type, String messageKey, List<String> arguments, String tableId, String pieceId,
                            Map<String, String> tableLabels, Map<String, Integer> tableNumbers, String language) {

    public HistoryRecord {
        arguments = List.copyOf(arguments);
        tableLabels = tableLabels == null ? Map.of() : Map.copyOf(tableLabels);
        tableNumbers = tableNumbers == null ? Map.of() : Map.copyOf(tableNumbers);
    }

    /** A record that names no table by number and keeps no language. */
    public HistoryRecord(String assemblyId, long sequence, Instant at, String type, String messageKey,
                         List<String> arguments, String tableId, String pieceId, Map<String, String> tableLabels) {
        this(assemblyId, sequence, at, type, messageKey, arguments, tableId, pieceId, tableLabels, null, null);
    }

    /** This record keeping the assembly's language, which its tables are labelled in. */
    public HistoryRecord withLanguage(String assemblyLanguage) {
        return new HistoryRecord(assemblyId, sequence, at, type, messageKey, arguments, tableId, pieceId, tableLabels,
                tableNumbers, assemblyLanguage);
    }
}
