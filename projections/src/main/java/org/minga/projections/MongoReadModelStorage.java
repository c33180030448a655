package org.minga.projections;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * The read models in MongoDB, one collection each, written and read through Jackson so the
 * records of the engine's api are the stored shape. Saves replace by id (upsert): MongoDB writes
 * them apart from the processors' tokens, so projections stay idempotent by remembering their last
 * sequence. A log's record is a document whose id is {@code assemblyId:sequence} and which
 * carries both as fields, read through an index on them.
 */
public final class MongoReadModelStorage extends StoredReadModels {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions IN_ANY_ORDER = new BulkWriteOptions().ordered(false);

    private final MongoDatabase database;

    public MongoReadModelStorage(MongoDatabase database) {
        this(database, 0);
    }

    /** {@code keptInMemory} > 0 only when this process's processors are the only writers of the read models. */
    public MongoReadModelStorage(MongoDatabase database, int keptInMemory) {
        super(keptInMemory);
        this.database = database;
    }

    @Override
    <T> DocumentStore.Collection<T> documents(String name, Class<T> type) {
        MongoCollection<Document> collection = database.getCollection(name);
        return new DocumentStore.Collection<>() {
            @Override
            public Optional<T> load(String id) {
                return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(document -> read(document, type));
            }

            @Override
            public List<T> loadAll() {
                List<T> all = new ArrayList<>();
                collection.find().forEach(document -> all.add(read(document, type)));
                return all;
            }

            @Override
            public void store(Map<String, T> documents) {
                List<ReplaceOneModel<Document>> replacements = new ArrayList<>(documents.size());
                documents.forEach((id, value) -> replacements.add(new ReplaceOneModel<>(eq("_id", id), toDocument(id, value), UPSERT)));
                collection.bulkWrite(replacements, IN_ANY_ORDER);
            }
        };
    }

    @Override
    <T> AssemblyLog.Records<T> records(String name, Class<T> type) {
        MongoCollection<Document> collection = database.getCollection(name);
        collection.createIndex(Indexes.ascending("assemblyId", "sequence"));
        return new AssemblyLog.Records<>() {
            @Override
            public NavigableMap<Long, T> load(String assemblyId) {
                NavigableMap<Long, T> bySequence = new TreeMap<>();
                collection.find(eq("assemblyId", assemblyId)).sort(Sorts.ascending("sequence"))
                        .forEach(document -> bySequence.put(document.get("sequence", Number.class).longValue(), read(document, type)));
                return bySequence;
            }

            @Override
            public NavigableMap<Long, T> loadFrom(String assemblyId, long sequence) {
                NavigableMap<Long, T> bySequence = new TreeMap<>();
                collection.find(and(eq("assemblyId", assemblyId), gte("sequence", sequence))).sort(Sorts.ascending("sequence"))
                        .forEach(document -> bySequence.put(document.get("sequence", Number.class).longValue(), read(document, type)));
                return bySequence;
            }

            @Override
            public void store(Map<AssemblyLog.Key, T> records) {
                List<ReplaceOneModel<Document>> replacements = new ArrayList<>(records.size());
                records.forEach((key, value) -> {
                    String id = key.assemblyId() + ":" + key.sequence();
                    Document document = toDocument(id, value);
                    document.put("assemblyId", key.assemblyId());
                    document.put("sequence", key.sequence());
                    replacements.add(new ReplaceOneModel<>(eq("_id", id), document, UPSERT));
                });
                collection.bulkWrite(replacements, IN_ANY_ORDER);
            }
        };
    }

    @Override
    public boolean isEmpty(String collection) {
        return database.getCollection(collection).find().limit(1).first() == null;
    }

    /** Deletes the documents and keeps the collection, so a log keeps its index. */
    @Override
    void deleteAll(String collection) {
        database.getCollection(collection).deleteMany(new Document());
    }

    @Override
    public void check() {
        database.runCommand(new Document("ping", 1));
    }

    private static Document toDocument(String id, Object value) {
        Document document = new Document(MAPPER.convertValue(value, AS_MAP));
        document.put("_id", id);
        return document;
    }

    private static <T> T read(Document document, Class<T> type) {
        Document fields = new Document(document);
        fields.remove("_id");
        return MAPPER.convertValue(fields, type);
    }
}
