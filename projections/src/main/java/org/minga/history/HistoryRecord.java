package org.minga.history;

import java.time.Instant;
import java.util.List;

/**
 * One event of the stream as the history stores it: the message key and arguments of its
 * sentence, so it reads in whichever language is asked; arguments starting with "@" are
 * themselves keys of the bundle (step names, approval methods).
 */
public record HistoryRecord(String assemblyId, long sequence, Instant at, String type, String messageKey,
                            List<String> arguments, String tableId, String pieceId) {

    public HistoryRecord {
        arguments = List.copyOf(arguments);
    }
}
