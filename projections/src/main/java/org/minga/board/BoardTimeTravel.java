package org.minga.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.minga.assembly.api.query.BoardView;
import org.minga.projections.AssemblyEvent;

/**
 * The board as it stood at a sequence or an instant, for auditors: folded from the raw stream
 * (never from a snapshot), starting at the nearest checkpoint, the board after every
 * {@value #EVERY}th event, kept for the {@value #ASSEMBLIES} assemblies asked about last. An auditor
 * sliding through a 10,000-event assembly then folds at most {@value #EVERY} events a position
 * instead of thousands, and viewers asking at once wait for one fold instead of each doing it.
 * Events never change, so a checkpoint never goes stale.
 */
final class BoardTimeTravel {

    static final int EVERY = 250;
    static final int ASSEMBLIES = 16;

    /** The board right after the event at {@code sequence}, stored at {@code at}. */
    private record Checkpoint(long sequence, Instant at, BoardView board) {
    }

    private final EventStore eventStore;
    private final Map<String, List<Checkpoint>> checkpoints = new LinkedHashMap<>(ASSEMBLIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Checkpoint>> eldest) {
            return size() > ASSEMBLIES;
        }
    };

    BoardTimeTravel(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The board after the last event at or before {@code sequence} or {@code at} (one of them null); null when none. */
    BoardView boardAsOf(String assemblyId, Long sequence, Instant at) {
        List<Checkpoint> known = checkpointsOf(assemblyId);
        synchronized (known) {
            Checkpoint start = null;
            for (Checkpoint checkpoint : known) {
                if (within(checkpoint.sequence(), checkpoint.at(), sequence, at)) {
                    start = checkpoint;
                }
            }
            BoardView board = start == null ? null : start.board();
            DomainEventStream stream = eventStore.readEvents(assemblyId, start == null ? 0 : start.sequence() + 1);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (!within(message.getSequenceNumber(), message.getTimestamp(), sequence, at)) {
                    break;
                }
                board = BoardFold.apply(board, AssemblyEvent.of(message));
                long last = known.isEmpty() ? -1 : known.get(known.size() - 1).sequence();
                if ((message.getSequenceNumber() + 1) % EVERY == 0 && message.getSequenceNumber() > last && board != null) {
                    known.add(new Checkpoint(message.getSequenceNumber(), message.getTimestamp(), board));
                }
            }
            return board;
        }
    }

    private synchronized List<Checkpoint> checkpointsOf(String assemblyId) {
        return checkpoints.computeIfAbsent(assemblyId, id -> new ArrayList<>());
    }

    private static boolean within(long eventSequence, Instant eventAt, Long sequence, Instant at) {
        return (sequence == null || eventSequence <= sequence) && (at == null || !eventAt.isAfter(at));
    }
}
