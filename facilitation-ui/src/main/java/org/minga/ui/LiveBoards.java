package org.minga.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.minga.assembly.api.query.BoardChange;
import org.minga.assembly.api.query.BoardView;
import org.minga.assembly.api.query.FindBoardQuery;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One live feed per assembly for all of its viewers on this instance: a single subscription to the
 * board's changes, each change written as JSON once, and that same text sent to every projector
 * and phone following the assembly. With thousands of viewers a change used to be serialised, and
 * matched against every subscription, once per viewer. The feed opens with the first viewer and
 * closes with the last.
 */
@Component
class LiveBoards {

    /** A change as every viewer receives it: its revision, and its event already written. */
    record Change(long revision, ServerSentEvent<String> event) {
    }

    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Counter written;
    private final Map<String, Flux<Change>> feeds = new ConcurrentHashMap<>();

    LiveBoards(QueryGateway queries, ObjectMapper json, MeterRegistry meters) {
        this.queries = queries;
        this.json = json;
        this.written = Counter.builder("minga.board.changes.written")
                .description("Board changes written for live viewers: once each, whatever the number of viewers")
                .register(meters);
    }

    /**
     * A viewer joins the assembly's feed now: what changes from here on is kept for it until it
     * asks, so a board read after joining misses nothing (the viewer then skips the changes
     * the board already holds, by revision).
     */
    Viewer join(String assemblyId) {
        Sinks.Many<Change> kept = Sinks.many().unicast().onBackpressureBuffer();
        Disposable following = feed(assemblyId).subscribe(kept::tryEmitNext, kept::tryEmitError, kept::tryEmitComplete);
        return new Viewer(kept, following);
    }

    /** The board as a whole, written for one viewer (on connect). */
    ServerSentEvent<String> whole(BoardView board) {
        return event(BoardChange.BOARD, board);
    }

    private ServerSentEvent<String> event(String name, Object data) {
        return ServerSentEvent.builder(written(data)).event(name).build();
    }

    /** As JSON, with the application's own mapping (ISO dates…), as a response body would be. */
    String written(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a board change could not be written as JSON", e);
        }
    }

    private Flux<Change> feed(String assemblyId) {
        return feeds.computeIfAbsent(assemblyId, id -> Flux.defer(() -> subscribe(id)).publish().refCount());
    }

    private Flux<Change> subscribe(String assemblyId) {
        SubscriptionQueryResult<BoardView, BoardChange> subscription = queries.subscriptionQuery(
                new FindBoardQuery(assemblyId), ResponseTypes.instanceOf(BoardView.class), ResponseTypes.instanceOf(BoardChange.class));
        return subscription.updates()
                .map(change -> {
                    written.increment();
                    return new Change(change.revision(), event(change.kind(), payload(change)));
                })
                // A feed that failed or completed has already been let go by the query bus.
                .doOnCancel(subscription::close);
    }

    /** What the API promises for each kind of event. */
    private static Object payload(BoardChange change) {
        if (BoardChange.BOARD.equals(change.kind())) {
            return change.board();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("revision", change.revision());
        data.put("version", change.version());
        if (BoardChange.TABLE.equals(change.kind())) {
            data.put("axisId", change.axisId());
            data.put("table", change.table());
        } else {
            data.put("step", change.step());
        }
        return data;
    }

    /** One viewer's place in a feed. */
    static final class Viewer {
        private final Sinks.Many<Change> kept;
        private final Disposable following;

        private Viewer(Sinks.Many<Change> kept, Disposable following) {
            this.kept = kept;
            this.following = following;
        }

        /** The changes after {@code board}, in order; the feed's failure ends them. */
        Flux<ServerSentEvent<String>> after(BoardView board) {
            return kept.asFlux()
                    .filter(change -> change.revision() > board.revision())
                    .map(Change::event);
        }

        void leave() {
            following.dispose();
        }
    }
}
