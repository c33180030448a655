package org.minga.projections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * The read models in tables of an H2 database, one table per collection, each document its JSON
 * in bytes. Every operation takes a connection from the provider and closes it: given Axon's
 * {@code SpringDataSourceConnectionProvider}, that is the connection of the event processor's
 * transaction, so a batch's documents commit with its tracking token or not at all. Outside a
 * transaction a write of several documents is committed as one.
 *
 * <p>Tables are created when a collection is opened, which must be outside a processor's
 * transaction: H2 commits the open transaction at any {@code CREATE TABLE}.
 */
public final class JdbcReadModelStorage extends StoredReadModels {

    /** Collections become table names unquoted: nothing but what cannot be read as SQL. */
    private static final Pattern COLLECTION_NAME = Pattern.compile("[a-z_]+");
    /** So the read models' tables never meet those of the event store or the tokens in the same database. */
    private static final String TABLE_PREFIX = "read_model_";

    private final ConnectionProvider connections;

    public JdbcReadModelStorage(ConnectionProvider connections) {
        this(connections, 0);
    }

    /** {@code keptInMemory} > 0 only when this process's processors are the only writers of the read models. */
    public JdbcReadModelStorage(ConnectionProvider connections, int keptInMemory) {
        super(keptInMemory);
        this.connections = connections;
    }

    @Override
    <T> DocumentStore.Collection<T> documents(String collection, Class<T> type) {
        String table = table(collection);
        update("create the table of " + collection,
                "CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR PRIMARY KEY, document VARBINARY NOT NULL)");
        String selectOne = "SELECT document FROM " + table + " WHERE id = ?";
        String selectAll = "SELECT document FROM " + table;
        String merge = "MERGE INTO " + table + " (id, document) KEY (id) VALUES (?, ?)";
        return new DocumentStore.Collection<>() {
            @Override
            public Optional<T> load(String id) {
                return query("read " + collection + " " + id, selectOne, select -> {
                    select.setString(1, id);
                    try (ResultSet found = select.executeQuery()) {
                        return found.next() ? Optional.of(read(found.getBytes(1), type)) : Optional.empty();
                    }
                });
            }

            @Override
            public List<T> loadAll() {
                return query("read " + collection, selectAll, select -> {
                    List<T> all = new ArrayList<>();
                    try (ResultSet found = select.executeQuery()) {
                        while (found.next()) {
                            all.add(read(found.getBytes(1), type));
                        }
                    }
                    return all;
                });
            }

            @Override
            public void store(Map<String, T> documents) {
                write("write " + documents.size() + " documents of " + collection, merge, statement -> {
                    for (Map.Entry<String, T> document : documents.entrySet()) {
                        statement.setString(1, document.getKey());
                        statement.setBytes(2, json(document.getValue()));
                        statement.addBatch();
                    }
                });
            }
        };
    }

    @Override
    <T> AssemblyLog.Records<T> records(String collection, Class<T> type) {
        String table = table(collection);
        update("create the table of " + collection, "CREATE TABLE IF NOT EXISTS " + table
                + " (assembly_id VARCHAR NOT NULL, seq BIGINT NOT NULL, document VARBINARY NOT NULL, PRIMARY KEY (assembly_id, seq))");
        String selectOne = "SELECT seq, document FROM " + table + " WHERE assembly_id = ? ORDER BY seq";
        String selectFrom = "SELECT seq, document FROM " + table + " WHERE assembly_id = ? AND seq >= ? ORDER BY seq";
        String merge = "MERGE INTO " + table + " (assembly_id, seq, document) KEY (assembly_id, seq) VALUES (?, ?, ?)";
        // Bound once: a history of 10,000 records otherwise looks its type up 10,000 times.
        ObjectReader reader = MAPPER.readerFor(type);
        return new AssemblyLog.Records<>() {
            @Override
            public NavigableMap<Long, T> load(String assemblyId) {
                return query("read " + collection + " of " + assemblyId, selectOne, select -> {
                    select.setString(1, assemblyId);
                    return bySequence(select);
                });
            }

            @Override
            public NavigableMap<Long, T> loadFrom(String assemblyId, long sequence) {
                return query("read " + collection + " of " + assemblyId + " from " + sequence, selectFrom, select -> {
                    select.setString(1, assemblyId);
                    select.setLong(2, sequence);
                    return bySequence(select);
                });
            }

            private NavigableMap<Long, T> bySequence(PreparedStatement select) throws SQLException {
                NavigableMap<Long, T> bySequence = new TreeMap<>();
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        bySequence.put(found.getLong(1), read(found.getBytes(2), reader, type));
                    }
                }
                return bySequence;
            }

            @Override
            public void store(Map<AssemblyLog.Key, T> records) {
                write("write " + records.size() + " records of " + collection, merge, statement -> {
                    for (Map.Entry<AssemblyLog.Key, T> record : records.entrySet()) {
                        statement.setString(1, record.getKey().assemblyId());
                        statement.setLong(2, record.getKey().sequence());
                        statement.setBytes(3, json(record.getValue()));
                        statement.addBatch();
                    }
                });
            }
        };
    }

    @Override
    public boolean isEmpty(String collection) {
        String table = table(collection);
        return !exists(table) || query("count " + collection, "SELECT 1 FROM " + table + " FETCH FIRST ROW ONLY", select -> {
            try (ResultSet found = select.executeQuery()) {
                return !found.next();
            }
        });
    }

    /** A {@code DELETE}, not a {@code TRUNCATE}: H2 commits the open transaction at a truncate. */
    @Override
    void deleteAll(String collection) {
        String table = table(collection);
        if (exists(table)) {
            update("empty " + collection, "DELETE FROM " + table);
        }
    }

    @Override
    public void check() {
        query("reach the read models' database", "SELECT 1", select -> select.execute());
    }

    private boolean exists(String table) {
        return withConnection("look for the table " + table, connection -> {
            DatabaseMetaData metaData = connection.getMetaData();
            // H2 keeps unquoted names in upper case.
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(),
                    table.toUpperCase(Locale.ROOT), new String[] {"TABLE", "BASE TABLE"})) {
                return tables.next();
            }
        });
    }

    private static String table(String collection) {
        if (collection == null || !COLLECTION_NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("a read model's collection is named in lowercase letters and underscores: " + collection);
        }
        return TABLE_PREFIX + collection;
    }

    private void update(String what, String sql) {
        withConnection(what, connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }

    private <R> R query(String what, String sql, Work<PreparedStatement, R> work) {
        return withConnection(what, connection -> prepared(connection, sql, work));
    }

    /** One batch of statements, committed on its own when no transaction is open. */
    private void write(String what, String sql, Fill fill) {
        Work<PreparedStatement, int[]> batch = statement -> {
            fill.into(statement);
            return statement.executeBatch();
        };
        withConnection(what, connection -> {
            if (!connection.getAutoCommit()) {
                return prepared(connection, sql, batch);
            }
            connection.setAutoCommit(false);
            try {
                int[] written = prepared(connection, sql, batch);
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private static <R> R prepared(Connection connection, String sql, Work<PreparedStatement, R> work) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        }
    }

    /** A connection per operation, closed after it: a transaction's connection is only released by that. */
    private <R> R withConnection(String what, Work<Connection, R> work) {
        try (Connection connection = connections.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + " in the read models' database: " + e.getMessage(), e);
        }
    }

    private static byte[] json(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored " + type.getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] json, ObjectReader reader, Class<T> type) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored " + type.getSimpleName(), e);
        }
    }

    @FunctionalInterface
    private interface Work<S, R> {
        R run(S subject) throws SQLException;
    }

    /** Adds a batch's rows to its statement. */
    @FunctionalInterface
    private interface Fill {
        void into(PreparedStatement statement) throws SQLException;
    }
}
