package org.minga.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.query.BoardView;
import org.minga.projections.AssemblyEvent;

/**
 * An auditor slides back and forth through a long assembly: every position shows exactly the
 * board a fold of the whole stream up to there gives, whether or not a checkpoint was passed,
 * in whatever order the positions are asked.
 */
class BoardTimeTravelTest {

    private static final String ASSEMBLY = "largo";
    private static final int EVENTS = 3 * BoardTimeTravel.EVERY + 37;

    private EventStore eventStore;
    private BoardTimeTravel timeTravel;
    private final List<Instant> storedAt = new ArrayList<>();

    @BeforeEach
    void aLongAssembly() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        timeTravel = new BoardTimeTravel(eventStore);
        List<Object> events = new ArrayList<>(List.of(scheduled(), split()));
        for (int i = 0; events.size() < EVENTS; i++) {
            events.add(new NeedPieceAddedEvent(ASSEMBLY, "t1", "credit", "n" + i, "Necesidad " + i));
            events.add(new NeedPieceRevisedEvent(ASSEMBLY, "t1", "n" + i, "Necesidad revisada " + i));
            events.add(new NeedPieceWithdrawnEvent(ASSEMBLY, "t1", "n" + i));
        }
        for (int sequence = 0; sequence < EVENTS; sequence++) {
            DomainEventMessage<?> message = new GenericDomainEventMessage<>("Assembly", ASSEMBLY, sequence, events.get(sequence));
            eventStore.publish(message);
            storedAt.add(message.getTimestamp());
        }
    }

    @Test
    void everyPositionShowsTheBoardTheWholeStreamGivesThere() {
        long[] positions = {EVENTS - 1, 10, 260, 249, 250, 251, 3, 500, 0, EVENTS - 1, 748, 749, 750, 123, 2 * BoardTimeTravel.EVERY};

        for (long sequence : positions) {
            assertThat(timeTravel.boardAsOf(ASSEMBLY, sequence, null)).as("board at sequence %d", sequence)
                    .isEqualTo(foldedFromTheStart(sequence, null));
        }
    }

    @Test
    void anInstantShowsTheBoardAfterTheLastEventStoredByThen() {
        for (int sequence : new int[] {EVENTS - 2, 600, 5, 300}) {
            Instant at = storedAt.get(sequence);

            assertThat(timeTravel.boardAsOf(ASSEMBLY, null, at)).as("board at %s", at).isEqualTo(foldedFromTheStart(null, at));
        }
    }

    @Test
    void aPositionBeyondTheLastEventShowsTheLatestBoardAndAnUnknownAssemblyNone() {
        assertThat(timeTravel.boardAsOf(ASSEMBLY, 100_000L, null)).isEqualTo(foldedFromTheStart((long) EVENTS - 1, null));
        assertThat(timeTravel.boardAsOf("nadie", 10L, null)).isNull();
    }

    /** What time travel answered before checkpoints: the raw stream folded from its first event. */
    private BoardView foldedFromTheStart(Long sequence, Instant at) {
        DomainEventStream stream = eventStore.readEvents(ASSEMBLY, 0);
        BoardView board = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if ((sequence != null && message.getSequenceNumber() > sequence) || (at != null && message.getTimestamp().isAfter(at))) {
                break;
            }
            board = BoardFold.apply(board, AssemblyEvent.of(message));
        }
        return board;
    }

    private static AssemblyScheduledEvent scheduled() {
        return new AssemblyScheduledEvent(ASSEMBLY, "Asamblea larga", "Valle", null, LocalDate.of(2026, 3, 14),
                new MonthRange(YearMonth.of(2024, 1), YearMonth.of(2026, 12)), "es",
                List.of(new AxisDefinition("credit", "Crédito", null)), AssemblyRules.DEFAULTS, List.of());
    }

    private static AssemblySplitIntoTablesEvent split() {
        return new AssemblySplitIntoTablesEvent(ASSEMBLY, 20, List.of(new TableAssignment("t1", "credit", 1, List.of("p1"))));
    }
}
