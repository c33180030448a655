package org.minga.projections;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What every {@link ReadModelStorage} shares: one Jackson mapping of the documents, and the
 * stores it opened, whose memory a {@link #clear} must empty too (a rebuild would otherwise skip
 * the events that the documents kept in memory already reflect). A storage provides only how one
 * collection loads and stores.
 */
abstract class StoredReadModels implements ReadModelStorage {

    /** Instants and months as ISO strings, so documents read the way the REST API shows them; a field no longer known is skipped. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final int keptInMemory;
    private final Map<String, List<DocumentStore<?>>> opened = new ConcurrentHashMap<>();

    /**
     * {@code keptInMemory} documents per collection stay in memory after they are written: only
     * when this process's processors are the only writers of the read models (embedded mode), as
     * another instance's writes would not be seen.
     */
    StoredReadModels(int keptInMemory) {
        this.keptInMemory = keptInMemory;
    }

    abstract <T> DocumentStore.Collection<T> documents(String collection, Class<T> type);

    abstract <T> AssemblyLog.Records<T> records(String collection, Class<T> type);

    /** Removes what the collection holds, if it exists. */
    abstract void deleteAll(String collection);

    @Override
    public final <T> DocumentStore<T> open(String collection, Class<T> type) {
        DocumentStore<T> store = new DocumentStore<>(documents(collection, type), keptInMemory);
        if (keptInMemory > 0) {
            opened.computeIfAbsent(collection, name -> new CopyOnWriteArrayList<>()).add(store);
        }
        return store;
    }

    @Override
    public final <T> AssemblyLog<T> openLog(String collection, Class<T> type) {
        return new AssemblyLog<>(records(collection, type));
    }

    @Override
    public final void clear(String collection) {
        deleteAll(collection);
        opened.getOrDefault(collection, List.of()).forEach(DocumentStore::forget);
    }
}
