package org.minga.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Records kept per assembly in the order of its events, opened from a {@link ReadModelStorage}:
 * the history. A record is keyed by its assembly and sequence, so a redelivered event overwrites
 * its own record, and one assembly's records are read without reading the others'.
 *
 * <p>Appended while an event processor handles a batch, records are written together when the
 * batch prepares to commit, as a {@link DocumentStore}'s saves are; reads in the batch see them.
 */
public final class AssemblyLog<T> {

    /** Where a record is kept. */
    record Key(String assemblyId, long sequence) {
    }

    /** What a storage does for one log. */
    interface Records<T> {

        /** The assembly's records by their sequence. */
        NavigableMap<Long, T> load(String assemblyId);

        /** The assembly's records from a sequence on (that one included), by their sequence. */
        default NavigableMap<Long, T> loadFrom(String assemblyId, long sequence) {
            return load(assemblyId).tailMap(sequence, true);
        }

        /** All of them, replacing any stored under the same key. */
        void store(Map<Key, T> records);
    }

    private final Records<T> records;

    AssemblyLog(Records<T> records) {
        this.records = records;
    }

    /** Written at once, or when the batch of events being handled commits. */
    public void append(String assemblyId, long sequence, T record) {
        Key key = new Key(assemblyId, sequence);
        BatchWrites.current().ifPresentOrElse(batch -> pendingIn(batch).put(key, record),
                () -> records.store(Map.of(key, record)));
    }

    /** The assembly's records in the order of its events. */
    public List<T> recordsOf(String assemblyId) {
        NavigableMap<Long, T> bySequence = records.load(assemblyId);
        // Inside a batch, what it appended replaces what is stored.
        BatchWrites.current().ifPresent(batch -> pendingIn(batch).forEach((key, record) -> {
            if (key.assemblyId().equals(assemblyId)) {
                bySequence.put(key.sequence(), record);
            }
        }));
        return new ArrayList<>(bySequence.values());
    }

    /**
     * The assembly's records from a sequence on (that one included) as stored, by their sequence:
     * what a reader that kept the earlier ones asks for. Without what the batch being handled
     * appended, which is not stored until it commits.
     */
    public NavigableMap<Long, T> storedFrom(String assemblyId, long sequence) {
        return records.loadFrom(assemblyId, sequence);
    }

    private Map<Key, T> pendingIn(BatchWrites batch) {
        return batch.pending(this, records::store, written -> {
        });
    }
}
