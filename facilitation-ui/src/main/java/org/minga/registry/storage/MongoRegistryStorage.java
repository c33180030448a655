package org.minga.registry.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry in MongoDB, one collection per kind, each record the document it has always been.
 * The only indexes made are the unique ones: lookups go without, as they always have.
 */
public class MongoRegistryStorage implements RegistryStorage {

    private static final Logger log = LoggerFactory.getLogger(MongoRegistryStorage.class);

    private final MongoDatabase database;

    public MongoRegistryStorage(MongoDatabase database) {
        this.database = database;
        RegistryKinds.ALL.forEach(this::ensureUniqueKeys);
    }

    /**
     * Versions before a unique index could leave records sharing its key (two codes for a table):
     * of those, the one stored last is kept, and the index made again.
     */
    private void ensureUniqueKeys(RecordKind kind) {
        MongoCollection<Document> collection = collection(kind);
        for (List<String> key : kind.uniqueKeys()) {
            try {
                collection.createIndex(Indexes.ascending(key), new IndexOptions().unique(true));
            } catch (MongoException duplicates) {
                Set<List<Object>> seen = new HashSet<>();
                List<Document> all = collection.find().into(new ArrayList<>());
                Collections.reverse(all);
                int removed = 0;
                for (Document record : all) {
                    if (!seen.add(key.stream().map(record::get).toList())) {
                        collection.deleteOne(Filters.eq(RegistryRecord.ID, record.get(RegistryRecord.ID)));
                        removed++;
                    }
                }
                log.info("Removed {} older records of {} sharing {} with a newer one", removed, kind.collection(), key);
                collection.createIndex(Indexes.ascending(key), new IndexOptions().unique(true));
            }
        }
    }

    @Override
    public Optional<RegistryRecord> get(RecordKind kind, String id) {
        return Optional.ofNullable(collection(kind).find(Filters.eq(RegistryRecord.ID, id)).first()).map(RegistryRecord::of);
    }

    @Override
    public List<RegistryRecord> find(RecordKind kind, Match match) {
        return collection(kind).find(filter(kind, match)).map(RegistryRecord::of).into(new ArrayList<>());
    }

    @Override
    public long count(RecordKind kind) {
        return collection(kind).countDocuments();
    }

    @Override
    public void insert(RecordKind kind, RegistryRecord record) {
        try {
            collection(kind).insertOne(new Document(record.fields()));
        } catch (MongoWriteException e) {
            throw refusal(kind, record.id(), e);
        }
    }

    @Override
    public boolean put(RecordKind kind, RegistryRecord record) {
        try {
            return collection(kind).replaceOne(Filters.eq(RegistryRecord.ID, record.id()), new Document(record.fields()),
                    new ReplaceOptions().upsert(true)).getMatchedCount() > 0;
        } catch (MongoWriteException e) {
            throw refusal(kind, record.id(), e);
        }
    }

    @Override
    public long update(RecordKind kind, Match match, Map<String, Object> fields) {
        if (fields.isEmpty() || fields.containsKey(RegistryRecord.ID)) {
            throw new IllegalArgumentException("an update sets fields other than the id: " + fields.keySet());
        }
        List<Bson> sets = fields.entrySet().stream().map(field -> Updates.set(field.getKey(), field.getValue())).toList();
        try {
            return collection(kind).updateMany(filter(kind, match), Updates.combine(sets)).getMatchedCount();
        } catch (MongoWriteException e) {
            throw refusal(kind, String.valueOf(match), e);
        }
    }

    @Override
    public boolean delete(RecordKind kind, String id) {
        return collection(kind).deleteOne(Filters.eq(RegistryRecord.ID, id)).getDeletedCount() > 0;
    }

    @Override
    public long delete(RecordKind kind, Match match) {
        return collection(kind).deleteMany(filter(kind, match)).getDeletedCount();
    }

    private MongoCollection<Document> collection(RecordKind kind) {
        return database.getCollection(kind.collection());
    }

    private static Bson filter(RecordKind kind, Match match) {
        kind.check(match);
        return filter(match);
    }

    private static Bson filter(Match match) {
        if (match instanceof Match.All all) {
            return all.parts().isEmpty() ? new Document() : Filters.and(all.parts().stream().map(MongoRegistryStorage::filter).toList());
        }
        if (match instanceof Match.Equal equal) {
            return Filters.eq(equal.field(), equal.value());
        }
        if (match instanceof Match.Below below) {
            return Filters.lt(below.field(), below.bound());
        }
        // Matches a missing field and a null one alike.
        return Filters.eq(((Match.Absent) match).field(), null);
    }

    private static RuntimeException refusal(RecordKind kind, String id, MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return new DuplicateRecordException(kind, id, e);
        }
        return e;
    }
}
