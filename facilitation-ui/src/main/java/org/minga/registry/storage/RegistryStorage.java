package org.minga.registry.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the registry's records live: MongoDB ({@link MongoRegistryStorage}) or a database
 * reached through JDBC ({@link JdbcRegistryStorage}). Each call stands alone and is durable
 * when it returns; no call spans several. Queries name only a kind's id and lookup fields (see
 * {@link RecordKind}); lists come in the order the records were first stored (in MongoDB its
 * natural order, which is that in practice though not promised).
 */
public interface RegistryStorage {

    Optional<RegistryRecord> get(RecordKind kind, String id);

    List<RegistryRecord> find(RecordKind kind, Match match);

    default List<RegistryRecord> all(RecordKind kind) {
        return find(kind, Match.any());
    }

    long count(RecordKind kind);

    /**
     * Stores a new record.
     *
     * @throws DuplicateRecordException if its id or one of its kind's unique keys is taken
     */
    void insert(RecordKind kind, RegistryRecord record);

    /**
     * Stores the record in place of the one with its id, if any.
     *
     * @return whether it replaced one
     * @throws DuplicateRecordException if another record holds one of its kind's unique keys
     */
    boolean put(RecordKind kind, RegistryRecord record);

    /**
     * Sets these fields on every record that matches, each checked against the match as it is
     * written: of two instances setting a field only where it is absent, the first one wins.
     *
     * @return how many records matched and were written
     * @throws IllegalArgumentException if there are no fields, or one of them is the id
     * @throws DuplicateRecordException if a record would take another's unique key
     */
    long update(RecordKind kind, Match match, Map<String, Object> fields);

    boolean delete(RecordKind kind, String id);

    /** @return how many records it deleted */
    long delete(RecordKind kind, Match match);

    /**
     * Stores a document copied from another registry store as it is, under its own id, in place
     * of a record with that id: how an old store's collections are carried over.
     *
     * @throws IllegalArgumentException if the registry has no such collection or the document's id is not a text
     * @throws DuplicateRecordException if another record holds one of the kind's unique keys
     */
    default void importDocument(String collection, Map<String, Object> document) {
        put(RegistryKinds.ofCollection(collection), RegistryRecord.of(document));
    }
}
