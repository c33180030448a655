package org.minga.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What projections rely on from any {@link ReadModelStorage}: each storage's test extends this
 * and says how to make one over a fresh database, and how many write requests reached it.
 */
abstract class ReadModelStorageContract {

    record Stop(String place, int minutes) {
    }

    record Visit(String id, Instant at, YearMonth month, List<Stop> stops) {
    }

    /** A later version of {@link Visit}, with a field that one does not know. */
    record NotedVisit(String id, Instant at, YearMonth month, List<Stop> stops, String note) {
    }

    record Line(long sequence, String text) {
    }

    private static final Instant NINE = Instant.parse("2026-03-14T09:00:00Z");
    private static final Visit VALLE = new Visit("valle", NINE, YearMonth.of(2026, 3), List.of(new Stop("escuela", 40), new Stop("río", 15)));

    /** A storage over this test's database; every one made in a test sees the same database. */
    abstract ReadModelStorage storage(int keptInMemory);

    /** Requests that wrote documents or records to the database since the test began. */
    abstract long writeRequests();

    /** Makes the database unreachable for the rest of the test. */
    abstract void makeUnreachable();

    private ReadModelStorage storage() {
        return storage(0);
    }

    @Test
    void aDocumentReadsBackAsItWasSaved() {
        storage().open("visits", Visit.class).save("valle", VALLE);

        assertThat(storage().open("visits", Visit.class).find("valle")).contains(VALLE);
        assertThat(storage().open("visits", Visit.class).find("sierra")).isEmpty();
    }

    @Test
    void findAllAnswersEveryDocumentOfTheCollectionOnly() {
        DocumentStore<Visit> visits = storage().open("visits", Visit.class);
        Visit sierra = new Visit("sierra", NINE.plusSeconds(60), YearMonth.of(2026, 4), List.of());
        visits.save("valle", VALLE);
        visits.save("sierra", sierra);
        storage().open("others", Visit.class).save("costa", VALLE);

        assertThat(visits.findAll()).containsExactlyInAnyOrder(VALLE, sierra);
    }

    @Test
    void savingUnderTheSameIdReplacesTheDocument() {
        DocumentStore<Visit> visits = storage().open("visits", Visit.class);
        Visit later = new Visit("valle", NINE.plusSeconds(3600), YearMonth.of(2026, 5), List.of(new Stop("plaza", 5)));
        visits.save("valle", VALLE);
        visits.save("valle", later);

        assertThat(visits.find("valle")).contains(later);
        assertThat(visits.findAll()).containsExactly(later);
    }

    @Test
    void aBatchsWritesAreSeenInsideItOnlyAndWrittenTogetherWhenItCommits() {
        DocumentStore<Visit> visits = storage().open("visits", Visit.class);
        Visit second = new Visit("valle", NINE.plusSeconds(60), VALLE.month(), VALLE.stops());
        Visit third = new Visit("valle", NINE.plusSeconds(120), VALLE.month(), VALLE.stops());
        List<Optional<Visit>> inside = new ArrayList<>();
        List<Optional<Visit>> outside = new ArrayList<>();
        List<Long> writtenMeanwhile = new ArrayList<>();

        handlingAnEvent().execute(() -> {
            visits.save("valle", VALLE);
            visits.save("valle", second);
            visits.save("sierra", VALLE);
            visits.save("valle", third);
            inside.add(visits.find("valle"));
            outside.add(CompletableFuture.supplyAsync(() -> storage().open("visits", Visit.class).find("valle")).join());
            writtenMeanwhile.add(writeRequests());
        });

        assertThat(inside).as("read inside the batch").containsExactly(Optional.of(third));
        assertThat(outside).as("read by another thread during the batch").containsExactly(Optional.empty());
        assertThat(writtenMeanwhile).as("write requests during the batch").containsExactly(0L);
        assertThat(writeRequests()).as("write requests once the batch committed").isEqualTo(1);
        assertThat(storage().open("visits", Visit.class).find("valle")).contains(third);
        assertThat(storage().open("visits", Visit.class).find("sierra")).contains(VALLE);
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        DocumentStore<Visit> visits = storage().open("visits", Visit.class);
        AssemblyLog<Line> history = storage().openLog("history", Line.class);

        assertThatThrownBy(() -> handlingAnEvent().execute(() -> {
            visits.save("valle", VALLE);
            history.append("valle", 0, new Line(0, "convocada"));
            throw new IllegalStateException("the processor stops mid-batch");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(writeRequests()).isZero();
        assertThat(visits.find("valle")).isEmpty();
        assertThat(history.recordsOf("valle")).isEmpty();
    }

    @Test
    void anAssemblysRecordsComeInTheOrderOfItsEventsWithoutOtherAssemblies() {
        AssemblyLog<Line> history = storage().openLog("history", Line.class);
        history.append("valle", 2, new Line(2, "mesas"));
        history.append("sierra", 1, new Line(1, "otra asamblea"));
        history.append("valle", 0, new Line(0, "convocada"));
        history.append("valle", 10, new Line(10, "vocería"));
        history.append("valle", 1, new Line(1, "inscrita"));
        history.append("valle-alta", 3, new Line(3, "otra más"));

        assertThat(storage().openLog("history", Line.class).recordsOf("valle")).extracting(Line::text)
                .containsExactly("convocada", "inscrita", "mesas", "vocería");
        assertThat(history.recordsOf("nadie")).isEmpty();
    }

    @Test
    void aLogReadFromASequenceGivesThatRecordAndTheLaterOnesOfTheAssemblyAsStored() {
        AssemblyLog<Line> history = storage().openLog("history", Line.class);
        history.append("valle", 0, new Line(0, "convocada"));
        history.append("valle", 1, new Line(1, "inscrita"));
        history.append("valle", 2, new Line(2, "mesas"));
        history.append("sierra", 3, new Line(3, "otra asamblea"));

        assertThat(history.storedFrom("valle", 1)).containsOnlyKeys(1L, 2L).extractingFromEntries(e -> e.getValue().text())
                .containsExactly("inscrita", "mesas");
        assertThat(history.storedFrom("valle", 3)).isEmpty();
        assertThat(history.storedFrom("valle", Long.MIN_VALUE)).hasSize(3);
        handlingAnEvent().execute(() -> {
            history.append("valle", 3, new Line(3, "vocería"));
            assertThat(history.storedFrom("valle", 2)).as("not stored until the batch commits").containsOnlyKeys(2L);
        });
        assertThat(history.storedFrom("valle", 2)).containsOnlyKeys(2L, 3L);
    }

    @Test
    void aRedeliveredRecordOverwritesItself() {
        AssemblyLog<Line> history = storage().openLog("history", Line.class);
        history.append("valle", 0, new Line(0, "convocada"));
        history.append("valle", 1, new Line(1, "inscrita"));
        handlingAnEvent().execute(() -> history.append("valle", 1, new Line(1, "inscrita otra vez")));

        assertThat(history.recordsOf("valle")).extracting(Line::text).containsExactly("convocada", "inscrita otra vez");
    }

    @Test
    void aBatchsRecordsAreReadInsideItInOrderAndWrittenTogetherWhenItCommits() {
        AssemblyLog<Line> history = storage().openLog("history", Line.class);
        history.append("valle", 0, new Line(0, "convocada"));
        long before = writeRequests();
        List<List<String>> inside = new ArrayList<>();

        handlingAnEvent().execute(() -> {
            history.append("valle", 2, new Line(2, "mesas"));
            history.append("sierra", 0, new Line(0, "otra asamblea"));
            history.append("valle", 1, new Line(1, "inscrita"));
            inside.add(history.recordsOf("valle").stream().map(Line::text).toList());
        });

        assertThat(inside).containsExactly(List.of("convocada", "inscrita", "mesas"));
        assertThat(writeRequests() - before).as("write requests of the batch").isEqualTo(1);
        assertThat(history.recordsOf("valle")).extracting(Line::text).containsExactly("convocada", "inscrita", "mesas");
        assertThat(history.recordsOf("sierra")).extracting(Line::text).containsExactly("otra asamblea");
    }

    @Test
    void aCollectionIsEmptyUntilWrittenAndAgainOnceCleared() {
        storage().open("visits", Visit.class);
        storage().openLog("history", Line.class);
        assertThat(storage().isEmpty("visits")).isTrue();
        assertThat(storage().isEmpty("history")).isTrue();
        assertThat(storage().isEmpty("never_opened")).isTrue();

        storage().open("visits", Visit.class).save("valle", VALLE);
        storage().openLog("history", Line.class).append("valle", 0, new Line(0, "convocada"));
        assertThat(storage().isEmpty("visits")).isFalse();
        assertThat(storage().isEmpty("history")).isFalse();

        storage().clear("visits");
        storage().clear("history");
        storage().clear("never_opened");
        assertThat(storage().isEmpty("visits")).isTrue();
        assertThat(storage().isEmpty("history")).isTrue();
        assertThat(storage().open("visits", Visit.class).find("valle")).isEmpty();
        assertThat(storage().openLog("history", Line.class).recordsOf("valle")).isEmpty();
    }

    @Test
    void aLogStillTakesRecordsOnceCleared() {
        AssemblyLog<Line> history = storage().openLog("history", Line.class);
        history.append("valle", 0, new Line(0, "convocada"));
        storage().clear("history");

        history.append("valle", 1, new Line(1, "inscrita"));

        assertThat(history.recordsOf("valle")).extracting(Line::text).containsExactly("inscrita");
    }

    @Test
    void theOnlyWriterReadsBackWhatItWroteFromMemory() {
        DocumentStore<Visit> onlyWriter = storage(10).open("visits", Visit.class);
        handlingAnEvent().execute(() -> onlyWriter.save("valle", VALLE));

        storage().clear("visits");

        List<Optional<Visit>> readInTheNextBatch = new ArrayList<>();
        handlingAnEvent().execute(() -> readInTheNextBatch.add(onlyWriter.find("valle")));
        assertThat(readInTheNextBatch).as("what the only writer read in its next batch").containsExactly(Optional.of(VALLE));
        assertThat(storage().open("visits", Visit.class).find("valle")).isEmpty();
    }

    /** A rebuild clears the collection and replays the events: what was kept in memory would skip them all. */
    @Test
    void clearingACollectionForgetsWhatItsOnlyWriterKeptInMemory() {
        ReadModelStorage storage = storage(10);
        DocumentStore<Visit> onlyWriter = storage.open("visits", Visit.class);
        handlingAnEvent().execute(() -> onlyWriter.save("valle", VALLE));

        storage.clear("visits");

        List<Optional<Visit>> readInTheNextBatch = new ArrayList<>();
        handlingAnEvent().execute(() -> readInTheNextBatch.add(onlyWriter.find("valle")));
        assertThat(readInTheNextBatch).containsExactly(Optional.empty());
    }

    @Test
    void aDocumentWithAFieldNoLongerKnownStillReads() {
        storage().open("visits", NotedVisit.class)
                .save("valle", new NotedVisit("valle", VALLE.at(), VALLE.month(), VALLE.stops(), "traer mapas"));

        assertThat(storage().open("visits", Visit.class).find("valle")).contains(VALLE);
    }

    @Test
    void theCheckPassesWhileTheDatabaseAnswersAndFailsOnceItDoesNot() {
        ReadModelStorage storage = storage();
        storage.check();

        makeUnreachable();

        assertThatThrownBy(storage::check).isInstanceOf(RuntimeException.class);
    }

    /** The unit of work an event processor handles an event in: writes in it are the batch's. */
    static UnitOfWork<?> handlingAnEvent() {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
    }
}
