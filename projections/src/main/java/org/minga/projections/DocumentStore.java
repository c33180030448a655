package org.minga.projections;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One MongoDB collection of read-model documents, written and read through Jackson so the
 * records of the engine's api are the stored shape. Saves replace by id (upsert): the embedded
 * server has no transactions, so projections stay idempotent by remembering their last sequence.
 */
public final class DocumentStore<T> {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper;
    private final Class<T> type;

    public DocumentStore(MongoDatabase database, String collection, ObjectMapper mapper, Class<T> type) {
        this.collection = database.getCollection(collection);
        this.mapper = mapper;
        this.type = type;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(this::read);
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

    public void save(String id, T value) {
        Document document = new Document(mapper.convertValue(value, AS_MAP));
        document.put("_id", id);
        collection.replaceOne(eq("_id", id), document, UPSERT);
    }

    public boolean isEmpty() {
        return collection.countDocuments() == 0;
    }

    public String name() {
        return collection.getNamespace().getCollectionName();
    }

    private T read(Document document) {
        Document fields = new Document(document);
        fields.remove("_id");
        return mapper.convertValue(fields, type);
    }
}
