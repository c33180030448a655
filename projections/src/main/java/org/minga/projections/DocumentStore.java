package org.minga.projections;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One collection of read-model documents by id, opened from a {@link ReadModelStorage}. Saves
 * replace by id, so projections stay idempotent by remembering their last sequence.
 *
 * <p>Saved while an event processor handles a batch, a document is kept with the batch
 * ({@link BatchWrites}) and written with the others when the batch prepares to commit; reads in the
 * batch see it. A store told it is the collection's only writer also keeps its most recently
 * written documents in memory, so a processor does not read back what it wrote. This is done here
 * once for every storage, which only loads and stores ({@link Collection}).
 */
public final class DocumentStore<T> {

    /** What a storage does for one collection of documents. */
    interface Collection<T> {

        Optional<T> load(String id);

        List<T> loadAll();

        /** All of them, replacing any stored under the same id. */
        void store(Map<String, T> documents);
    }

    private final Collection<T> collection;
    /** Null unless this process is the only writer: then the last documents it wrote or its processor read. */
    private final Map<String, T> recent;

    /** {@code keptInMemory} > 0 only when nothing but this store writes the collection (one process, one writer per id). */
    DocumentStore(Collection<T> collection, int keptInMemory) {
        this.collection = collection;
        this.recent = keptInMemory > 0 ? Collections.synchronizedMap(new RecentlyUsed<>(keptInMemory)) : null;
    }

    public Optional<T> find(String id) {
        Optional<BatchWrites> batch = BatchWrites.current();
        T pending = batch.map(b -> pendingIn(b).get(id)).orElse(null);
        if (pending != null) {
            return Optional.of(pending);
        }
        T kept = recent == null ? null : recent.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<T> stored = collection.load(id);
        // Only the writer's own reads are kept: a query racing a write could otherwise keep an older document.
        if (recent != null && batch.isPresent()) {
            stored.ifPresent(document -> recent.put(id, document));
        }
        return stored;
    }

    /** Every document stored, in no particular order (not those still pending in a batch). */
    public List<T> findAll() {
        return collection.loadAll();
    }

    /** Written at once, or when the batch of events being handled commits. */
    public void save(String id, T value) {
        BatchWrites.current().ifPresentOrElse(batch -> pendingIn(batch).put(id, value), () -> {
            collection.store(Map.of(id, value));
            remember(Map.of(id, value));
        });
    }

    /**
     * Kept in memory only once the batch has committed: a batch written and then rolled back with
     * its transaction would otherwise leave documents in memory that the store never kept, and the
     * folds would skip the events that make them when the batch is handled again.
     */
    private Map<String, T> pendingIn(BatchWrites batch) {
        return batch.pending(this, collection::store, this::remember);
    }

    private void remember(Map<String, T> written) {
        if (recent != null) {
            recent.putAll(written);
        }
    }

    /** Forgets what is kept in memory, as the collection was emptied under it. */
    void forget() {
        if (recent != null) {
            recent.clear();
        }
    }

    /** The least recently used document goes first. */
    private static final class RecentlyUsed<T> extends LinkedHashMap<String, T> {
        private final int capacity;

        RecentlyUsed(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > capacity;
        }
    }
}
