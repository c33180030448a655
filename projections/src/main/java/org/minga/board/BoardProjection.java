package org.minga.board;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.UnknownIdException;
import org.minga.assembly.api.query.BoardView;
import org.minga.assembly.api.query.FindBoardAsOfQuery;
import org.minga.assembly.api.query.FindBoardQuery;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.FoldedReadModel;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.springframework.stereotype.Component;

/**
 * Keeps the live board of every assembly in the {@code boards} collection, tells subscribers of
 * {@link FindBoardQuery} each change, and rebuilds the board as it was for auditors.
 */
@Component
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
public class BoardProjection {

    public static final String PROCESSING_GROUP = "board";

    private final FoldedReadModel<BoardView> boards;
    private final QueryUpdateEmitter updates;
    private final BoardTimeTravel timeTravel;

    public BoardProjection(ReadModelStorage storage, QueryUpdateEmitter updates, EventStore eventStore) {
        this.boards = new FoldedReadModel<>(storage.open(ReadModel.BOARD.collection(), BoardView.class), BoardFold::apply, BoardView::version);
        this.updates = updates;
        this.timeTravel = new BoardTimeTravel(eventStore);
    }

    @EventHandler
    void on(DomainEventMessage<?> message) {
        AssemblyEvent event = AssemblyEvent.of(message);
        boards.apply(event)
                .flatMap(applied -> BoardFold.change(applied.before(), applied.after(), event.payload()))
                .ifPresent(change -> updates.emit(FindBoardQuery.class, q -> q.assemblyId().equals(event.assemblyId()), change));
    }

    @QueryHandler
    public BoardView handle(FindBoardQuery query) {
        return boards.find(query.assemblyId()).orElse(null);
    }

    /**
     * Folds the raw stream (never a snapshot) up to the sequence or instant asked, from the nearest
     * checkpoint. Unlike the live board, which may not know an assembly scheduled a moment ago yet,
     * the event store is the truth: no event at or before the point asked is an unknown assembly.
     */
    @QueryHandler
    public BoardView handle(FindBoardAsOfQuery query) {
        if (query.sequence() != null && query.at() != null) {
            throw new InvalidInputException("at", Refusal.VALUE_UNKNOWN, query.at());
        }
        if (query.sequence() == null && query.at() == null) {
            throw new InvalidInputException("sequence", Refusal.FIELD_REQUIRED);
        }
        if (query.sequence() != null && query.sequence() < 0) {
            throw new InvalidInputException("sequence", Refusal.NUMBER_OUT_OF_RANGE, query.sequence(), 0, Long.MAX_VALUE);
        }
        BoardView board = timeTravel.boardAsOf(query.assemblyId(), query.sequence(), query.at());
        if (board == null) {
            throw new UnknownIdException("assemblyId", Refusal.ASSEMBLY_UNKNOWN, query.assemblyId());
        }
        return board;
    }
}
