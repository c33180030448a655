package org.minga.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.UnknownIdException;
import org.minga.assembly.api.query.BoardChange;
import org.minga.assembly.api.query.BoardView;
import org.minga.assembly.api.query.FindBoardAsOfQuery;
import org.minga.assembly.api.query.FindBoardQuery;
import org.minga.projections.MongoReadModelStorage;

class BoardProjectionTest {

    private static final String ASSEMBLY = "valle";
    private static final Instant NINE = Instant.parse("2026-03-14T13:00:00Z");

    private MongoServer mongo;
    private MongoClient client;
    private SimpleQueryUpdateEmitter emitter;
    private BoardProjection projection;
    private final List<BoardChange> updates = new ArrayList<>();
    private long sequence;

    @BeforeEach
    void setUp() {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create(mongo.bindAndGetConnectionString());
        emitter = SimpleQueryUpdateEmitter.builder().build();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindBoardQuery(ASSEMBLY),
                        ResponseTypes.instanceOf(BoardView.class), ResponseTypes.instanceOf(BoardChange.class)), 256)
                .getUpdates().subscribe(update -> updates.add((BoardChange) update.getPayload()));
        projection = new BoardProjection(new MongoReadModelStorage(client.getDatabase("test")), emitter,
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build());
    }

    @AfterEach
    void tearDown() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void aNeedAppearsOnItsTableAndSubscribersGetTheTableWithTheNextRevision() {
        feed(scheduled(), split());
        long revision = board().revision();

        feed(new NeedPieceAddedEvent(ASSEMBLY, "t1", "credit", "n1", "Crédito rural"));

        BoardView board = board();
        assertThat(board.version()).isEqualTo(2);
        assertThat(board.revision()).isEqualTo(revision + 1);
        assertThat(board.axes().get(0).tables().get(0).pieces()).extracting(BoardView.Piece::text).containsExactly("Crédito rural");
        BoardChange change = updates.get(updates.size() - 1);
        assertThat(change.kind()).isEqualTo(BoardChange.TABLE);
        assertThat(change.revision()).isEqualTo(revision + 1);
        assertThat(change.axisId()).isEqualTo("credit");
        assertThat(change.table().pieces()).hasSize(1);
    }

    @Test
    void eventsThatDoNotChangeTheBoardMoveItsVersionButNotItsRevisionAndTellNobody() {
        feed(scheduled(), split());
        int told = updates.size();
        long revision = board().revision();

        feed(new ParticipantRegisteredEvent(ASSEMBLY, "p9", new ParticipantProfile("Coop", null, null, null, null, null, null, null)));

        assertThat(board().version()).isEqualTo(2);
        assertThat(board().revision()).isEqualTo(revision);
        assertThat(updates).hasSize(told);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        feed(scheduled(), split());
        NeedPieceAddedEvent need = new NeedPieceAddedEvent(ASSEMBLY, "t1", "credit", "n1", "Crédito rural");
        projection.on(new GenericDomainEventMessage<>("Assembly", ASSEMBLY, 2, need));
        int told = updates.size();

        projection.on(new GenericDomainEventMessage<>("Assembly", ASSEMBLY, 2, need));

        assertThat(board().axes().get(0).tables().get(0).pieces()).hasSize(1);
        assertThat(updates).hasSize(told);
    }

    @Test
    void structuralAndStepChangesTellTheirKind() {
        feed(scheduled(), split());
        assertThat(updates.get(updates.size() - 1).kind()).isEqualTo(BoardChange.BOARD);
        assertThat(updates.get(updates.size() - 1).board().axes().get(0).tables()).hasSize(1);

        feed(new StepOpenedEvent(ASSEMBLY, Step.NEEDS, NINE, NINE.plusSeconds(900)),
                new StepClosedEvent(ASSEMBLY, Step.NEEDS, NINE.plusSeconds(600)));

        BoardChange step = updates.get(updates.size() - 1);
        assertThat(step.kind()).isEqualTo(BoardChange.STEP);
        assertThat(step.step()).isEqualTo(new BoardView.StepState(Step.NEEDS, false, NINE.plusSeconds(900), null));
    }

    /** A step change carries no status: the projector said "scheduled" through the plenary. */
    @Test
    void theFirstStepOpeningTellsViewersTheAssemblyIsRunning() {
        feed(scheduled(), split());

        feed(new StepOpenedEvent(ASSEMBLY, Step.NEEDS, NINE, NINE.plusSeconds(900)));

        BoardChange opened = updates.get(updates.size() - 1);
        assertThat(opened.kind()).isEqualTo(BoardChange.BOARD);
        assertThat(opened.board().status()).isEqualTo("running");
        assertThat(opened.board().step()).isEqualTo(new BoardView.StepState(Step.NEEDS, true, NINE.plusSeconds(900), null));
    }

    @Test
    void moreTimeForTheOpenStepMovesTheProjectorsCountdown() {
        feed(scheduled(), split(), new StepOpenedEvent(ASSEMBLY, Step.NEEDS, NINE, NINE.plusSeconds(900)),
                new StepTimeChangedEvent(ASSEMBLY, Step.NEEDS, 5, NINE.plusSeconds(1200), NINE.plusSeconds(60)));

        BoardChange step = updates.get(updates.size() - 1);
        assertThat(step.kind()).isEqualTo(BoardChange.STEP);
        assertThat(step.step()).isEqualTo(new BoardView.StepState(Step.NEEDS, true, NINE.plusSeconds(1200), null));
        assertThat(board().step().deadline()).isEqualTo(NINE.plusSeconds(1200));
    }

    @Test
    void aWithdrawnNeedLeavesTheBoard() {
        feed(scheduled(), split(), new NeedPieceAddedEvent(ASSEMBLY, "t1", "credit", "n1", "Crédito rural"),
                new NeedPieceWithdrawnEvent(ASSEMBLY, "t1", "n1"));

        assertThat(board().axes().get(0).tables().get(0).pieces()).isEmpty();
        assertThat(board().revision()).isEqualTo(4);
    }

    @Test
    void theBoardAsOfBothASequenceAndAnInstantIsBadInput() {
        assertThatThrownBy(() -> projection.handle(new FindBoardAsOfQuery(ASSEMBLY, 3L, NINE)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.VALUE_UNKNOWN);
                    assertThat(refused.field()).isEqualTo("at");
                });
    }

    @Test
    void theBoardAsOfANegativeSequenceIsOutOfRange() {
        assertThatThrownBy(() -> projection.handle(new FindBoardAsOfQuery(ASSEMBLY, -3L, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.NUMBER_OUT_OF_RANGE);
                    assertThat(refused.arguments()).containsExactly(-3L, 0, Long.MAX_VALUE);
                });
    }

    @Test
    void theBoardAsOfAnAssemblyWithNoEventsIsAnUnknownAssembly() {
        assertThatThrownBy(() -> projection.handle(new FindBoardAsOfQuery("nowhere", 0L, null)))
                .isInstanceOfSatisfying(UnknownIdException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.ASSEMBLY_UNKNOWN);
                    assertThat(refused.arguments()).containsExactly("nowhere");
                });
    }

    private void feed(Object... events) {
        for (Object event : events) {
            projection.on(new GenericDomainEventMessage<>("Assembly", ASSEMBLY, sequence++, event));
        }
    }

    private BoardView board() {
        return projection.handle(new FindBoardQuery(ASSEMBLY));
    }

    private static AssemblyScheduledEvent scheduled() {
        return new AssemblyScheduledEvent(ASSEMBLY, "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14),
                new MonthRange(YearMonth.of(2024, 1), YearMonth.of(2026, 12)), "es",
                List.of(new AxisDefinition("credit", "Crédito", null)), AssemblyRules.DEFAULTS, List.of());
    }

    private static AssemblySplitIntoTablesEvent split() {
        return new AssemblySplitIntoTablesEvent(ASSEMBLY, 20, List.of(new TableAssignment("t1", "credit", 1, List.of("p1"))));
    }
}
