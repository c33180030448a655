package org.minga.projections;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One MongoDB collection of read-model documents, written and read through Jackson so the
 * records of the engine's api are the stored shape. Saves replace by id (upsert): the embedded
 * server has no transactions, so projections stay idempotent by remembering their last sequence.
 *
 * <p>Saved while an event processor handles a batch, a document is kept with the batch
 * ({@link BatchWrites}) and written with the others when the batch commits; reads in the batch see
 * it. A store told it is the collection's only writer also keeps its most recently written
 * documents in memory, so a processor does not read back what it wrote.
 */
public final class DocumentStore<T> {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private static final BulkWriteOptions IN_ANY_ORDER = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper;
    private final Class<T> type;
    /** Null unless this process is the only writer: then the last documents it wrote or its processor read. */
    private final Map<String, T> recent;

    public DocumentStore(MongoDatabase database, String collection, ObjectMapper mapper, Class<T> type) {
        this(database, collection, mapper, type, 0);
    }

    /** {@code keptInMemory} > 0 only when nothing but this store writes the collection (one process, one writer per id). */
    public DocumentStore(MongoDatabase database, String collection, ObjectMapper mapper, Class<T> type, int keptInMemory) {
        this.collection = database.getCollection(collection);
        this.mapper = mapper;
        this.type = type;
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
        Optional<T> stored = Optional.ofNullable(collection.find(eq("_id", id)).first()).map(this::read);
        // Only the writer's own reads are kept: a query racing a write could otherwise keep an older document.
        if (recent != null && batch.isPresent()) {
            stored.ifPresent(document -> recent.put(id, document));
        }
        return stored;
    }

    public List<T> findAll(Bson filter) {
        return findAll(filter, new Document());
    }

    public List<T> findAll(Bson filter, Bson sort) {
        List<T> all = new ArrayList<>();
        collection.find(filter).sort(sort).forEach(document -> all.add(read(document)));
        return all;
    }

    public List<T> findAll() {
        return findAll(new Document());
    }

    /** Written at once, or when the batch of events being handled commits. */
    public void save(String id, T value) {
        BatchWrites.current().ifPresentOrElse(batch -> pendingIn(batch).put(id, value), () -> {
            collection.replaceOne(eq("_id", id), toDocument(id, value), UPSERT);
            remember(Map.of(id, value));
        });
    }

    private Map<String, T> pendingIn(BatchWrites batch) {
        return batch.pending(this, this::saveAll);
    }

    private void saveAll(Map<String, T> values) {
        List<ReplaceOneModel<Document>> replacements = new ArrayList<>(values.size());
        values.forEach((id, value) -> replacements.add(new ReplaceOneModel<>(eq("_id", id), toDocument(id, value), UPSERT)));
        collection.bulkWrite(replacements, IN_ANY_ORDER);
        remember(values);
    }

    private void remember(Map<String, T> written) {
        if (recent != null) {
            recent.putAll(written);
        }
    }

    private Document toDocument(String id, T value) {
        Document document = new Document(mapper.convertValue(value, AS_MAP));
        document.put("_id", id);
        return document;
    }

    public boolean isEmpty() {
        return collection.countDocuments() == 0;
    }

    public String name() {
        return collection.getNamespace().getCollectionName();
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

    private T read(Document document) {
        Document fields = new Document(document);
        fields.remove("_id");
        return mapper.convertValue(fields, type);
    }
}
