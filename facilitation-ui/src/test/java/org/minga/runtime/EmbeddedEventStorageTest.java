package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.MySqlEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.ui.TestDataDirectories;

/**
 * The processors' query for new events once the stream has gaps: the same rows as Axon's, read
 * from the index within a range instead of from every event stored (the plan H2 gives Axon's).
 */
class EmbeddedEventStorageTest {

    private static final EventSchema SCHEMA = new EventSchema();

    private Connection connection;

    @BeforeEach
    void anEventStoreWithGaps() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:file:" + TestDataDirectories.fresh("gaps").resolve("events").toAbsolutePath(), "minga", "");
        try (PreparedStatement create = MySqlEventTableFactory.INSTANCE.createDomainEventTable(connection, SCHEMA)) {
            create.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData) "
                + "VALUES (?, 'a1', ?, 'Assembly', '2026-12-03T10:00:00Z', 'org.minga.Piece', NULL, X'7B7D', X'7B7D')")) {
            for (int i = 1; i <= 2_000; i++) {
                insert.setString(1, "event-" + i);
                insert.setLong(2, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    /** A processor at 1,990 whose token still waits for 1,950 and 1,960, two transactions that committed late. */
    @Test
    void readsTheSameEventsAsAxonsQuery() throws SQLException {
        List<Long> gaps = List.of(1_950L, 1_960L);

        List<Long> ours = positions(EmbeddedEventStorage.readEventDataWithGaps(connection, SCHEMA, 1_990, 100, gaps));
        List<Long> axons = positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, SCHEMA, 1_990, 100, gaps));

        assertThat(ours).isEqualTo(axons).startsWith(1_950L, 1_960L, 1_991L).endsWith(2_000L).hasSize(12);
    }

    @Test
    void readsOnlyARangeOfTheIndexWhereAxonsQueryReadsEveryEvent() throws SQLException {
        List<Long> gaps = List.of(1_950L, 1_960L);

        String ours = plan(EmbeddedEventStorage.readEventDataWithGaps(connection, SCHEMA, 1_990, 100, gaps));
        String axons = plan(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, SCHEMA, 1_990, 100, gaps));

        assertThat(indexRead(axons)).as("Axon's query: the whole primary key, the cause").isEqualTo("PUBLIC.PRIMARY_KEY_B");
        assertThat(indexRead(ours)).startsWith("PUBLIC.PRIMARY_KEY_B: GLOBALINDEX >= CAST(1950 AS BIGINT)")
                .contains("GLOBALINDEX <= CAST(2090 AS BIGINT)");
    }

    /** What H2 reads the table by: the comment its plan writes after the table's name. */
    private static String indexRead(String plan) {
        Matcher comment = Pattern.compile("/\\* (PUBLIC\\.[^*]*?)\\s*\\*/").matcher(plan);
        return comment.find() ? comment.group(1).replaceAll("\\s+", " ") : plan;
    }

    private static List<Long> positions(PreparedStatement statement) throws SQLException {
        try (statement; ResultSet rows = statement.executeQuery()) {
            List<Long> positions = new ArrayList<>();
            while (rows.next()) {
                positions.add(rows.getLong(SCHEMA.globalIndexColumn()));
            }
            return positions;
        }
    }

    /** The plan H2 chooses for the statement, with its parameters written in. */
    private String plan(PreparedStatement statement) throws SQLException {
        String sql = statement.toString();
        try (statement) {
            // H2's PreparedStatement prints "prepN: <sql> {1: v1, 2: v2, ...}"; EXPLAIN it with the values in place.
            String query = sql.substring(sql.indexOf(':') + 2, sql.lastIndexOf(" {"));
            String[] values = sql.substring(sql.lastIndexOf('{') + 1, sql.lastIndexOf('}')).split(", ");
            for (String value : values) {
                query = query.replaceFirst("\\?", value.substring(value.indexOf(':') + 2));
            }
            try (Statement explain = connection.createStatement(); ResultSet plan = explain.executeQuery("EXPLAIN " + query)) {
                plan.next();
                return plan.getString(1);
            }
        }
    }
}
