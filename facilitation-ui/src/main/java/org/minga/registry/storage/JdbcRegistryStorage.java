package org.minga.registry.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The registry in a SQL database (H2 2.x) through plain JDBC: a table per kind, named after its
 * collection, with the id as primary key, each lookup field in an indexed column, each unique
 * key a UNIQUE constraint, the insertion order in {@code seq}, and the whole record as JSON in
 * {@code doc} (see {@link RecordJson}). Tables are made, or brought up to date, at start. Every
 * call runs on its own connection in autocommit, so a write is in the database when the call
 * returns (the file durable at each commit with WRITE_DELAY=0). A put is an UPDATE then, if no row
 * had the id, an INSERT rather than a MERGE: it must answer whether it replaced a record (a new
 * password ends the old one's sign-ins), and an updated row keeps its place in {@code seq}.
 */
public class JdbcRegistryStorage implements RegistryStorage {

    /** SQL's state for a unique or primary key violation. */
    private static final String DUPLICATE_KEY = "23505";
    /** A put races at most a few times with inserts and deletes of the same id before it lands. */
    private static final int PUT_ATTEMPTS = 10;

    private final DataSource dataSource;

    public JdbcRegistryStorage(DataSource dataSource) {
        this.dataSource = dataSource;
        RegistryKinds.ALL.forEach(this::ensureTable);
    }

    /**
     * Makes the kind's table, or brings one an earlier version made up to date: a lookup field it
     * lacks gets its column, filled from the records already there, and its index; a unique key
     * its constraint.
     */
    private void ensureTable(RecordKind kind) {
        String table = kind.collection();
        List<String> added = run("create the table " + table, connection -> {
            List<String> columns = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (id CHARACTER VARYING PRIMARY KEY,"
                        + " seq BIGINT GENERATED ALWAYS AS IDENTITY, doc CHARACTER LARGE OBJECT NOT NULL)");
                for (Map.Entry<String, RecordKind.LookupType> lookup : kind.lookups().entrySet()) {
                    if (!hasColumn(connection, table, lookup.getKey())) {
                        statement.execute("ALTER TABLE " + table + " ADD COLUMN " + lookup.getKey()
                                + (lookup.getValue() == RecordKind.LookupType.NUMBER ? " BIGINT" : " CHARACTER VARYING"));
                        columns.add(lookup.getKey());
                    }
                }
            }
            return columns;
        });
        if (!added.isEmpty()) {
            for (RegistryRecord record : find(kind, Match.any())) {
                run("fill the new columns " + added + " of " + table, connection -> updateRow(connection, kind, record, Match.any()));
            }
        }
        run("index the table " + table, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (List<String> key : kind.uniqueKeys()) {
                    statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT IF NOT EXISTS " + table + "_unique_" + String.join("_", key)
                            + " UNIQUE (" + String.join(", ", key) + ")");
                }
                for (String field : kind.lookups().keySet()) {
                    statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_" + field + " ON " + table + " (" + field + ")");
                }
                statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_seq ON " + table + " (seq)");
            }
            return null;
        });
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        // Unquoted names are kept in upper case.
        try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(),
                table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT))) {
            return columns.next();
        }
    }

    @Override
    public Optional<RegistryRecord> get(RecordKind kind, String id) {
        List<RegistryRecord> found = find(kind, Match.id(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<RegistryRecord> find(RecordKind kind, Match match) {
        kind.check(match);
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT doc FROM " + kind.collection() + " WHERE " + where(match, parameters) + " ORDER BY seq";
        return run("read " + kind.collection(), connection -> {
            try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet rows = select.executeQuery()) {
                List<RegistryRecord> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(RecordJson.read(rows.getString(1)));
                }
                return records;
            }
        });
    }

    @Override
    public long count(RecordKind kind) {
        return run("count " + kind.collection(), connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + kind.collection())) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public void insert(RecordKind kind, RegistryRecord record) {
        run("insert into " + kind.collection(), connection -> {
            try {
                insertRow(connection, kind, record);
            } catch (SQLException e) {
                throw duplicateOr(kind, record.id(), e);
            }
            return null;
        });
    }

    @Override
    public boolean put(RecordKind kind, RegistryRecord record) {
        return run("write to " + kind.collection(), connection -> {
            for (int attempt = 0; attempt < PUT_ATTEMPTS; attempt++) {
                try {
                    if (updateRow(connection, kind, record, Match.any()) > 0) {
                        return true;
                    }
                } catch (SQLException e) {
                    throw duplicateOr(kind, record.id(), e);
                }
                try {
                    insertRow(connection, kind, record);
                    return false;
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    if (!exists(connection, kind, record.id())) {
                        // Not its own id, inserted meanwhile by someone else: a unique key another record holds.
                        throw new DuplicateRecordException(kind, record.id(), e);
                    }
                }
            }
            throw new IllegalStateException("could not write " + record.id() + " to " + kind.collection() + " for concurrent writes");
        });
    }

    @Override
    public long update(RecordKind kind, Match match, Map<String, Object> fields) {
        kind.check(match);
        if (fields.isEmpty() || fields.containsKey(RegistryRecord.ID)) {
            throw new IllegalArgumentException("an update sets fields other than the id: " + fields.keySet());
        }
        long updated = 0;
        for (RegistryRecord record : find(kind, match)) {
            RegistryRecord changed = record;
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                changed = changed.with(field.getKey(), field.getValue());
            }
            RegistryRecord write = changed;
            updated += run("update " + kind.collection(), connection -> {
                try {
                    // Only if it still matches: what another instance changed meanwhile stays.
                    return updateRow(connection, kind, write, match);
                } catch (SQLException e) {
                    throw duplicateOr(kind, write.id(), e);
                }
            });
        }
        return updated;
    }

    @Override
    public boolean delete(RecordKind kind, String id) {
        return delete(kind, Match.id(id)) > 0;
    }

    @Override
    public long delete(RecordKind kind, Match match) {
        kind.check(match);
        List<Object> parameters = new ArrayList<>();
        String sql = "DELETE FROM " + kind.collection() + " WHERE " + where(match, parameters);
        return run("delete from " + kind.collection(), connection -> {
            try (PreparedStatement delete = prepare(connection, sql, parameters)) {
                return (long) delete.executeUpdate();
            }
        });
    }

    private static void insertRow(Connection connection, RecordKind kind, RegistryRecord record) throws SQLException {
        Map<String, Object> columns = columnsOf(kind, record);
        String sql = "INSERT INTO " + kind.collection() + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
                + columns.keySet().stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = prepare(connection, sql, new ArrayList<>(columns.values()))) {
            insert.executeUpdate();
        }
    }

    /** Writes the record over the row with its id if that row still matches; answers 1 if it did. */
    private static long updateRow(Connection connection, RecordKind kind, RegistryRecord record, Match match) throws SQLException {
        Map<String, Object> columns = columnsOf(kind, record);
        columns.remove("id");
        List<Object> parameters = new ArrayList<>(columns.values());
        parameters.add(record.id());
        String sql = "UPDATE " + kind.collection() + " SET "
                + columns.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
                + " WHERE id = ? AND " + where(match, parameters);
        try (PreparedStatement update = prepare(connection, sql, parameters)) {
            return update.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, RecordKind kind, String id) throws SQLException {
        try (PreparedStatement select = prepare(connection, "SELECT 1 FROM " + kind.collection() + " WHERE id = ?", List.of(id));
             ResultSet rows = select.executeQuery()) {
            return rows.next();
        }
    }

    /** The row's columns: id, each lookup field as its column holds it, and the whole record. */
    private static Map<String, Object> columnsOf(RecordKind kind, RegistryRecord record) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", record.id());
        kind.lookups().forEach((field, type) -> {
            Object value = record.get(field);
            if (value == null) {
                columns.put(field, null);
            } else if (type == RecordKind.LookupType.NUMBER && (value instanceof Long || value instanceof Integer)) {
                columns.put(field, ((Number) value).longValue());
            } else if (type == RecordKind.LookupType.TEXT && value instanceof String) {
                columns.put(field, value);
            } else {
                throw new IllegalArgumentException(field + " of " + kind.collection() + " is a " + type + ", not " + value);
            }
        });
        columns.put("doc", RecordJson.write(record));
        return columns;
    }

    private static String where(Match match, List<Object> parameters) {
        if (match instanceof Match.All all) {
            if (all.parts().isEmpty()) {
                return "TRUE";
            }
            return all.parts().stream().map(part -> "(" + where(part, parameters) + ")").collect(Collectors.joining(" AND "));
        }
        if (match instanceof Match.Equal equal) {
            parameters.add(equal.value());
            return column(equal.field()) + " = ?";
        }
        if (match instanceof Match.Below below) {
            parameters.add(below.bound());
            return column(below.field()) + " < ?";
        }
        return column(((Match.Absent) match).field()) + " IS NULL";
    }

    private static String column(String field) {
        return RegistryRecord.ID.equals(field) ? "id" : field;
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    private static RuntimeException duplicateOr(RecordKind kind, String id, SQLException e) {
        if (DUPLICATE_KEY.equals(e.getSQLState())) {
            return new DuplicateRecordException(kind, id, e);
        }
        return new IllegalStateException("the registry's database refused a write to " + kind.collection(), e);
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs on a connection of its own, committed when it returns. */
    private <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + " in the registry's database", e);
        }
    }
}
