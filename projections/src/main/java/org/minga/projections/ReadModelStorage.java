package org.minga.projections;

/**
 * Where the read models are kept: MongoDB ({@link MongoReadModelStorage}), or tables of a
 * relational database written in the event processors' own transactions
 * ({@link JdbcReadModelStorage}). Projections see only this, so they read and write either alike.
 */
public interface ReadModelStorage {

    /** The collection's documents by id; its table is created if need be. */
    <T> DocumentStore<T> open(String collection, Class<T> type);

    /** The collection's records per assembly, in the order of its events; its table is created if need be. */
    <T> AssemblyLog<T> openLog(String collection, Class<T> type);

    /** True when a collection holds nothing: emptied, or never built. */
    boolean isEmpty(String collection);

    /** Removes everything the collection holds, so its read model can be rebuilt from the events. */
    void clear(String collection);

    /** Throws when the storage cannot be reached. */
    void check();
}
