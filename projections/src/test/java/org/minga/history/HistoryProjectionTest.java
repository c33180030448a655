package org.minga.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLeaderAssignedEvent;
import org.minga.assembly.api.query.FindHistoryQuery;
import org.minga.assembly.api.query.HistoryEntry;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.AssemblyLog;
import org.minga.projections.MongoReadModelStorage;
import org.minga.projections.ReadModel;

/** The history as an auditor reads it: needs by their text, tables by their label, people never by their ids. */
class HistoryProjectionTest {

    private static final String ASSEMBLY = "valle";
    /** Ids as the engine makes them: what an auditor must never read. */
    private static final String ANA = "2197c119-5f0e-4c55-9d1a-0b8f3c2e7a10";
    private static final String BETO = "8a41d0f2-33b7-4e0c-a5c1-6e2f9b7d4c33";
    private static final String ROAD = "3500e0de-91a4-4f62-8c0e-5d7b1a2f6e44";
    private static final Instant NINE = Instant.parse("2026-03-14T09:00:00Z");

    private MongoServer mongo;
    private MongoClient client;
    private long sequence;

    @BeforeEach
    void setUp() {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create(mongo.bindAndGetConnectionString());
    }

    @AfterEach
    void tearDown() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void aWithdrawalNamesTheNeedByItsTextAsLastWritten() {
        HistoryProjection projection = fed(room());

        HistoryEntry spanish = find(projection, "es", "NeedPieceWithdrawnEvent");
        HistoryEntry english = find(projection, "en", "NeedPieceWithdrawnEvent");

        assertThat(spanish.summary()).isEqualTo("Mesa 2 retiró la necesidad «Camino rural intransitable».");
        assertThat(english.summary()).isEqualTo("Mesa 2 withdrew the need \"Camino rural intransitable\".");
        assertThat(spanish.need()).isEqualTo("Camino rural intransitable");
        assertThat(find(projection, "es", "NeedPieceAddedEvent").need()).isEqualTo("Camino rural");
    }

    @Test
    void noSentenceTellsAParticipantOrAPieceByItsId() {
        HistoryProjection projection = fed(room());

        for (String language : List.of("es", "en")) {
            assertThat(history(projection, language)).extracting(HistoryEntry::summary).allSatisfy(summary -> assertThat(summary)
                    .doesNotContain(ANA, BETO, ROAD, "2197c119", "8a41d0f2", "3500e0de", "t2")
                    .doesNotContainPattern("[0-9a-f]{8}"));
        }
        assertThat(find(projection, "es", "SpokespersonElectedEvent").summary()).isEqualTo("Mesa 2 eligió su vocería.");
        assertThat(find(projection, "en", "SpokespersonElectedEvent").summary()).isEqualTo("Mesa 2 elected its spokesperson.");
        assertThat(find(projection, "es", "ParticipantMovedEvent").summary()).isEqualTo("Una persona pasó de Mesa 2 a Mesa 1.");
    }

    /** Pages match what happened by these words, not by the events' Java class names. */
    @Test
    void eachEntrySaysWhatHappenedInAWordThatOutlivesClassNames() {
        HistoryProjection projection = fed(room());

        assertThat(history(projection, "en")).extracting(HistoryEntry::kind).containsExactly(
                "assembly-scheduled", "participant-registered", "participant-registered", "tables-formed",
                "participant-seated", "leader-assigned", "participant-corrected",
                "need-written", "need-revised", "need-withdrawn", "spokesperson-elected", "participant-moved");
        assertThat(history(projection, "es")).extracting(HistoryEntry::kind)
                .containsExactlyElementsOf(history(projection, "en").stream().map(HistoryEntry::kind).toList());
    }

    @Test
    void aTypeTheHistoryDoesNotKnowIsOfKindOther() {
        assertThat(HistoryKind.ofType("SomethingNewEvent")).isEqualTo(HistoryKind.OTHER);
        assertThat(HistoryKind.ofType("unknown").code()).isEqualTo("other");
        assertThat(HistoryKind.values()).extracting(HistoryKind::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[a-z]+(-[a-z]+)*"));
    }

    /** What a replay rebuilds: the same events into an emptied history tell the same sentences. */
    @Test
    void aRebuiltHistoryTellsTheSameSentences() {
        List<String> first = history(fed(room()), "es").stream().map(HistoryEntry::summary).toList();
        new MongoReadModelStorage(client.getDatabase("test")).clear(ReadModel.HISTORY.collection());
        sequence = 0;

        assertThat(history(fed(room()), "es")).extracting(HistoryEntry::summary).containsExactlyElementsOf(first);
    }

    /** A history read once is kept, and read again it tells what happened since too. */
    @Test
    void aHistoryReadAgainTellsTheEventsStoredSince() {
        List<Object> room = room();
        HistoryProjection projection = fed(room.subList(0, 9));
        assertThat(history(projection, "es")).hasSize(9);

        room.subList(9, room.size()).forEach(event -> feed(projection, event));

        assertThat(history(projection, "es")).extracting(HistoryEntry::kind).endsWith("need-withdrawn", "spokesperson-elected", "participant-moved");
        assertThat(find(projection, "en", "NeedPieceWithdrawnEvent").summary()).isEqualTo("Mesa 2 withdrew the need \"Camino rural intransitable\".");
        assertThat(history(projection, "es")).isEqualTo(history(new HistoryProjection(storage(), 0), "es"));
    }

    /** Another instance of Minga writing the same storage: what it stored is read too. */
    @Test
    void aHistoryKeptByOneInstanceTellsWhatAnotherStored() {
        List<Object> room = room();
        HistoryProjection reader = fed(room.subList(0, 5));
        assertThat(history(reader, "es")).hasSize(5);

        HistoryProjection writer = new HistoryProjection(storage());
        room.subList(5, room.size()).forEach(event -> feed(writer, event));

        assertThat(history(reader, "es")).hasSize(room.size()).isEqualTo(history(writer, "es"));
    }

    /** Emptied for a rebuild, a history reads empty, not as it was kept, and then as far as rebuilt. */
    @Test
    void aHistoryKeptThenEmptiedReadsAsStored() {
        List<GenericDomainEventMessage<Object>> events = room().stream()
                .map(event -> new GenericDomainEventMessage<>("Assembly", ASSEMBLY, sequence++, event)).toList();
        HistoryProjection projection = new HistoryProjection(storage());
        events.forEach(projection::on);
        List<HistoryEntry> first = history(projection, "es");

        storage().clear(ReadModel.HISTORY.collection());
        assertThat(history(projection, "es")).isEmpty();

        events.subList(0, 4).forEach(projection::on);
        assertThat(history(projection, "es")).isEqualTo(first.subList(0, 4));
        events.subList(4, events.size()).forEach(projection::on);
        assertThat(history(projection, "es")).isEqualTo(first);
    }

    /** A write seen half done, one record missing between two stored: once it arrives, the history tells it in its place. */
    @Test
    void aRecordStoredLateBetweenTwoOthersIsToldInItsPlace() {
        AssemblyLog<HistoryRecord> stored = storage().openLog(ReadModel.HISTORY.collection(), HistoryRecord.class);
        List<Object> room = room();
        for (int i = 0; i < room.size(); i++) {
            if (i != 7) {
                stored.append(ASSEMBLY, i, HistorySentences.record(new AssemblyEvent(ASSEMBLY, i, NINE, room.get(i))));
            }
        }
        HistoryProjection projection = new HistoryProjection(storage());
        assertThat(history(projection, "es")).hasSize(room.size() - 1);

        stored.append(ASSEMBLY, 7, HistorySentences.record(new AssemblyEvent(ASSEMBLY, 7, NINE, room.get(7))));

        assertThat(history(projection, "es")).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(find(projection, "es", "NeedPieceAddedEvent").summary()).contains("Camino rural");
    }

    /** Histories beyond what is kept in memory read the same, from the storage. */
    @Test
    void aHistoryLongerThanWhatIsKeptReadsTheSame() {
        HistoryProjection small = new HistoryProjection(storage(), 3);
        room().forEach(event -> feed(small, event));

        assertThat(history(small, "en")).hasSize(room().size()).isEqualTo(history(small, "en"))
                .isEqualTo(history(new HistoryProjection(storage()), "en"));
    }

    /** The events carry tables' numbers; the history names them in the assembly's language, whatever the reader's. */
    @Test
    void anEnglishAssemblysTablesAreNamedInEnglishInEitherLanguage() {
        HistoryProjection projection = fed(room("en"));

        assertThat(find(projection, "es", "SpokespersonElectedEvent").summary()).isEqualTo("Table 2 eligió su vocería.");
        assertThat(find(projection, "en", "SpokespersonElectedEvent").summary()).isEqualTo("Table 2 elected its spokesperson.");
        assertThat(find(projection, "en", "ParticipantMovedEvent").summary()).isEqualTo("A participant moved from Table 2 to Table 1.");
    }

    /**
     * A history recorded before tables had numbers: its split kept each table's label and its
     * scheduling no language. The labels it kept still name the tables (derived, they would be Spanish).
     */
    @Test
    void aSplitRecordedWithItsLabelsStillNamesItsTablesSo() {
        AssemblyLog<HistoryRecord> stored = new MongoReadModelStorage(client.getDatabase("test"))
                .openLog(ReadModel.HISTORY.collection(), HistoryRecord.class);
        List<Object> room = room("en");
        for (int i = 0; i < room.size(); i++) {
            HistoryRecord now = HistorySentences.record(new AssemblyEvent(ASSEMBLY, i, NINE, room.get(i)));
            Map<String, String> labels = room.get(i) instanceof AssemblySplitIntoTablesEvent
                    ? Map.of("t1", "Table 1", "t2", "Table 2") : Map.of();
            stored.append(ASSEMBLY, i, new HistoryRecord(now.assemblyId(), now.sequence(), now.at(), now.type(),
                    now.messageKey(), now.arguments(), now.tableId(), now.pieceId(), labels));
        }
        HistoryProjection projection = new HistoryProjection(new MongoReadModelStorage(client.getDatabase("test")));

        assertThat(find(projection, "es", "SpokespersonElectedEvent").summary()).isEqualTo("Table 2 eligió su vocería.");
        assertThat(find(projection, "en", "NeedPieceWithdrawnEvent").summary())
                .isEqualTo("Table 2 withdrew the need \"Camino rural intransitable\".");
    }

    private static List<Object> room() {
        return room("es");
    }

    private static List<Object> room(String language) {
        MonthRange horizon = new MonthRange(YearMonth.of(2025, 1), YearMonth.of(2025, 6));
        ParticipantProfile coop = new ParticipantProfile("Coop", null, null, null, null, null, null, null);
        return List.of(
                new AssemblyScheduledEvent(ASSEMBLY, "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14), horizon, language,
                        List.of(new AxisDefinition("roads", "Vías", null)), AssemblyRules.DEFAULTS, List.of()),
                new ParticipantRegisteredEvent(ASSEMBLY, ANA, coop),
                new ParticipantRegisteredEvent(ASSEMBLY, BETO, coop),
                new AssemblySplitIntoTablesEvent(ASSEMBLY, 5, List.of(
                        new TableAssignment("t1", "roads", 1, List.of()),
                        new TableAssignment("t2", "roads", 2, List.of(ANA)))),
                new LateParticipantSeatedEvent(ASSEMBLY, BETO, "t2"),
                new TableLeaderAssignedEvent(ASSEMBLY, "t2", ANA),
                new ParticipantProfileCorrectedEvent(ASSEMBLY, BETO, coop),
                new NeedPieceAddedEvent(ASSEMBLY, "t2", "roads", ROAD, "Camino rural"),
                new NeedPieceRevisedEvent(ASSEMBLY, "t2", ROAD, "Camino rural intransitable"),
                new NeedPieceWithdrawnEvent(ASSEMBLY, "t2", ROAD),
                new SpokespersonElectedEvent(ASSEMBLY, "t2", ANA),
                new ParticipantMovedEvent(ASSEMBLY, BETO, "t2", "t1", null, false, false));
    }

    private HistoryProjection fed(List<Object> events) {
        HistoryProjection projection = new HistoryProjection(storage());
        events.forEach(event -> feed(projection, event));
        return projection;
    }

    private void feed(HistoryProjection projection, Object event) {
        projection.on(new GenericDomainEventMessage<>("Assembly", ASSEMBLY, sequence++, event));
    }

    private MongoReadModelStorage storage() {
        return new MongoReadModelStorage(client.getDatabase("test"));
    }

    private static List<HistoryEntry> history(HistoryProjection projection, String language) {
        return projection.handle(new FindHistoryQuery(ASSEMBLY, language)).entries();
    }

    private static HistoryEntry find(HistoryProjection projection, String language, String type) {
        return history(projection, language).stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }
}
