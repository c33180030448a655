package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Split events on the embedded H2 store, as the application wires it (its event serializer and
 * its upcasters): a new split stores each table's number and no word, and a split stored before
 * tables had numbers ("Table 3", "Table 12" in an English assembly) is read as tables 3 and 12,
 * labelled in the assembly's language by the engine, the read models and the REST answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredSplitsTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("stored-splits");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    EventStore eventStore;

    @Test
    void aNewSplitStoresEachTablesNumberAndNoWord() throws SQLException {
        MingaClient client = new MingaClient("http://localhost:" + port);
        client.post("/api/assemblies", """
                {"assemblyId": "fresh", "title": "Fresh", "region": "Cauca", "date": "2026-03-14", "language": "en",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Credit"}]}""").expect(201);
        for (int i = 1; i <= 3; i++) {
            client.post("/api/assemblies/fresh/participants",
                    "{\"participantId\": \"p" + i + "\", \"name\": \"Person " + i + "\", \"organization\": \"O" + i + "\"}").expect(201);
        }

        JsonNode split = client.post("/api/assemblies/fresh/split-into-tables", "{\"tableSize\": 2}").expect(200).json();

        assertThat(split.findValues("number")).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(split.findValues("label")).extracting(JsonNode::asText).containsExactly("Table 1", "Table 2");
        StoredPayload stored = storedSplit("fresh");
        assertThat(stored.revision()).isEqualTo("2");
        assertThat(stored.json())
                .doesNotContain("Mesa", "Table", "label")
                .contains("\"number\":1", "\"number\":2");
    }

    @Test
    void aSplitStoredWithLabelsIsReadAsNumberedTablesLabelledInTheAssemblysLanguage() throws SQLException {
        AssemblyScheduledEvent scheduled = new AssemblyScheduledEvent("stored", "Stored", "Cauca", null, LocalDate.of(2026, 3, 14),
                new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2026, 12)), "en",
                List.of(new AxisDefinition("a", "Credit", null)), AssemblyRules.DEFAULTS, List.of());
        ParticipantProfile profile = new ParticipantProfile("Coop", null, null, null, null, null, null, null);
        append("stored", 0, serialized(scheduled));
        append("stored", 1, serialized(new ParticipantRegisteredEvent("stored", "p1", profile)));
        append("stored", 2, serialized(new ParticipantRegisteredEvent("stored", "p2", profile)));
        // As revision 1 was written: each table's label in the assembly's language, no number.
        append("stored", 3, new StoredPayload(AssemblySplitIntoTablesEvent.class.getName(), "1", """
                {"assemblyId":"stored","tableSize":20,"tables":[\
                {"tableId":"t3","axisId":"a","label":"Table 3","memberIds":["p1"]},\
                {"tableId":"t12","axisId":"a","label":"Table 12","memberIds":["p2"]}]}"""));

        AssemblySplitIntoTablesEvent read = eventStore.readEvents("stored").asStream()
                .map(message -> (Object) message.getPayload())
                .filter(AssemblySplitIntoTablesEvent.class::isInstance)
                .map(AssemblySplitIntoTablesEvent.class::cast)
                .findFirst().orElseThrow();
        assertThat(read.tables()).extracting(TableAssignment::tableId, TableAssignment::number)
                .containsExactly(tuple("t3", 3), tuple("t12", 12));

        MingaClient client = new MingaClient("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(client.get("/api/assemblies/stored/tables").expect(200).json().findValues("label"))
                    .extracting(JsonNode::asText).containsExactly("Table 3", "Table 12");
            assertThat(client.get("/api/assemblies/stored/board").expect(200).json().findValues("label"))
                    .extracting(JsonNode::asText).containsExactly("Table 3", "Table 12");
            assertThat(client.get("/api/assemblies/stored/participation").expect(200).json().findValues("label"))
                    .extracting(JsonNode::asText).containsExactly("Table 3", "Table 12");
        });
        // The aggregate, loaded from the store, names the table in its refusal as the assembly calls it.
        JsonNode refused = client.put("/api/assemblies/stored/tables/t12/leader", "{\"participantId\": \"p1\"}").expect(409).json();
        assertThat(refused.get("detail").asText()).isEqualTo("La persona «p1» no es integrante de Table 12 y no puede dirigir esa mesa.");
    }

    /**
     * A snapshot taken before tables had numbers (no revision; its tables named "Mesa 98", "Mesa 99"
     * to tell it apart) is skipped: the assembly is replayed from its events, so it names table 12
     * as its split did.
     */
    @Test
    void aSnapshotTakenBeforeTablesHadNumbersIsSkipped() throws SQLException {
        AssemblyScheduledEvent scheduled = new AssemblyScheduledEvent("snapped", "Snapped", "Cauca", null, LocalDate.of(2026, 3, 14),
                new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2026, 12)), "en",
                List.of(new AxisDefinition("a", "Credit", null)), AssemblyRules.DEFAULTS, List.of());
        ParticipantProfile profile = new ParticipantProfile("Coop", null, null, null, null, null, null, null);
        append("snapped", 0, serialized(scheduled));
        append("snapped", 1, serialized(new ParticipantRegisteredEvent("snapped", "p1", profile)));
        append("snapped", 2, serialized(new ParticipantRegisteredEvent("snapped", "p2", profile)));
        append("snapped", 3, new StoredPayload(AssemblySplitIntoTablesEvent.class.getName(), "1", """
                {"assemblyId":"snapped","tableSize":20,"tables":[\
                {"tableId":"t3","axisId":"a","label":"Table 3","memberIds":["p1"]},\
                {"tableId":"t12","axisId":"a","label":"Table 12","memberIds":["p2"]}]}"""));
        String person = serialized(profile).json();
        snapshot("snapped", 3, """
                {"assemblyId":"snapped","schedule":%s,"participants":{"p1":%s,"p2":%s},"seats":{"p1":"t3","p2":"t12"},\
                "tables":{"t3":{"tableId":"t3","axisId":"a","label":"Mesa 98","memberIds":["p1"],"pinned":false},\
                "t12":{"tableId":"t12","axisId":"a","label":"Mesa 99","memberIds":["p2"],"pinned":false}},\
                "splitTableSize":20,"pieces":{},"closed":false}""".formatted(serialized(scheduled).json(), person, person));

        JsonNode refused = new MingaClient("http://localhost:" + port)
                .put("/api/assemblies/snapped/tables/t12/leader", "{\"participantId\": \"p1\"}").expect(409).json();

        assertThat(refused.get("detail").asText()).isEqualTo("La persona «p1» no es integrante de Table 12 y no puede dirigir esa mesa.");
    }

    private record StoredPayload(String type, String revision, String json) {
    }

    /** Stores a snapshot of the assembly as one taken before snapshots had a revision. */
    private void snapshot(String assemblyId, long sequence, String json) throws SQLException {
        byte[] metaData = eventSerializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO SnapshotEventEntry "
                     + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData) "
                     + "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, assemblyId);
            insert.setLong(3, sequence);
            insert.setString(4, "Assembly");
            insert.setString(5, Instant.parse("2026-03-14T09:00:00Z").plusSeconds(sequence).toString());
            insert.setString(6, "org.minga.assembly.command.Assembly");
            insert.setBytes(7, json.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(8, metaData);
            insert.executeUpdate();
        }
    }

    private StoredPayload serialized(Object payload) {
        SerializedObject<byte[]> serialized = eventSerializer.serialize(payload, byte[].class);
        return new StoredPayload(serialized.getType().getName(), serialized.getType().getRevision(),
                new String(serialized.getData(), StandardCharsets.UTF_8));
    }

    /** Appends a row as the embedded store keeps one, payload given as stored. */
    private void append(String assemblyId, long sequence, StoredPayload payload) throws SQLException {
        byte[] metaData = eventSerializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                     + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, assemblyId);
            insert.setLong(3, sequence);
            insert.setString(4, "Assembly");
            insert.setString(5, Instant.parse("2026-03-14T09:00:00Z").plusSeconds(sequence).toString());
            insert.setString(6, payload.type());
            insert.setString(7, payload.revision());
            insert.setBytes(8, payload.json().getBytes(StandardCharsets.UTF_8));
            insert.setBytes(9, metaData);
            insert.executeUpdate();
        }
    }

    private StoredPayload storedSplit(String assemblyId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payloadType, payloadRevision, payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = ?")) {
            select.setString(1, assemblyId);
            select.setString(2, AssemblySplitIntoTablesEvent.class.getName());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a stored split of " + assemblyId).isTrue();
                return new StoredPayload(row.getString(1), row.getString(2), new String(row.getBytes(3), StandardCharsets.UTF_8));
            }
        }
    }
}
