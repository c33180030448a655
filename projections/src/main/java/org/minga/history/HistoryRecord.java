package org.minga.history;

import java.time.Instant;
import java.util.List;

/**
 * One event of the stream as the history stores it: the message key and arguments of its
 * sentence, so it reads in whichever language is asked. An argument starting with "@" is itself
 * a key of the bundle (a step's name); one starting with "#" is a count, so the sentence can say
 * "1 item" and "8 items".
 */
public record HistoryRecord(String assemblyId, long sequence, Instant at, String type, String messageKey,
                            List<String> arguments, String tableId, String pieceId) {

    public HistoryRecord {
        arguments = List.copyOf(arguments);
    }
}
