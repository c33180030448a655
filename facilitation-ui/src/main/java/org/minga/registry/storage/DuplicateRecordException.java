package org.minga.registry.storage;

/**
 * A write refused because another record already holds its id or one of its kind's unique keys
 * (a facilitator's username, a table's one code). Callers that race for a key catch it.
 */
public class DuplicateRecordException extends RuntimeException {

    public DuplicateRecordException(RecordKind kind, String id, Throwable cause) {
        super("a record of " + kind.collection() + " already holds the id or a unique key of " + id, cause);
    }
}
