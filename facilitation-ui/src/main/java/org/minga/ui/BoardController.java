package org.minga.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.minga.assembly.api.query.BoardChange;
import org.minga.assembly.api.query.BoardView;
import org.minga.assembly.api.query.FindBoardAsOfQuery;
import org.minga.assembly.api.query.FindBoardQuery;
import org.minga.runtime.MingaMetrics;
import org.minga.runtime.StorageFailures;
import org.minga.security.LiveAccess;
import org.minga.ui.web.Gateways;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The solidarity puzzle: as it is, as it was, and live as Server-Sent Events. */
@RestController
@RequestMapping("/api/assemblies/{assemblyId}/board")
public class BoardController {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);
    static final String RECONNECT = "reconnect";
    private static final Logger log = LoggerFactory.getLogger(BoardController.class);

    private final Gateways gateways;
    private final MingaMetrics.LiveViewers viewers;
    private final LiveAccess access;

    public BoardController(Gateways gateways, MingaMetrics.LiveViewers viewers, LiveAccess access) {
        this.gateways = gateways;
        this.viewers = viewers;
        this.access = access;
    }

    /**
     * The live board, or with {@code sequence} or {@code at} the board as it stood then, rebuilt from
     * the stream; the time-travel query itself refuses a bad {@code sequence} or {@code at}.
     */
    @GetMapping
    public BoardView board(@PathVariable String assemblyId,
                           @RequestParam(required = false) Long sequence,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        if (sequence != null || at != null) {
            return gateways.ask(new FindBoardAsOfQuery(assemblyId, sequence, at), ResponseTypes.instanceOf(BoardView.class));
        }
        return gateways.known(assemblyId, () -> gateways.ask(new FindBoardQuery(assemblyId), ResponseTypes.instanceOf(BoardView.class)));
    }

    /**
     * The whole board on connect, then each change with its revision; a comment every 15 s keeps
     * proxies and phones from dropping the line. The stream ends when the viewer's access does (a
     * revoked link, a regenerated code, a closed assembly…) and, after a {@code reconnect} event,
     * when the feed itself breaks. The subscription is released when the viewer leaves or the stream ends.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream(@PathVariable String assemblyId, HttpServletRequest request, Authentication who) {
        board(assemblyId, null, null);
        Mono<Void> accessLost = access.lost(request, who);
        SubscriptionQueryResult<BoardView, BoardChange> subscription = gateways.queries().subscriptionQuery(
                new FindBoardQuery(assemblyId), ResponseTypes.instanceOf(BoardView.class), ResponseTypes.instanceOf(BoardChange.class));
        AtomicLong lastRevision = new AtomicLong(-1);
        Flux<ServerSentEvent<Object>> changes = subscription.initialResult().flux()
                .map(board -> {
                    lastRevision.set(board.revision());
                    return event(BoardChange.BOARD, board);
                })
                .concatWith(subscription.updates()
                        // Updates buffered while the initial board was read may already be in it.
                        .filter(change -> change.revision() > lastRevision.get())
                        .map(change -> {
                            lastRevision.set(change.revision());
                            return event(change.kind(), payload(change));
                        }));
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<Object>builder().comment("heartbeat").build());
        return Flux.merge(changes, heartbeats)
                .onErrorResume(lost -> Flux.just(reconnect(lost)))
                .takeUntilOther(accessLost)
                .doOnSubscribe(viewer -> viewers.joined())
                .doFinally(signal -> {
                    viewers.left();
                    subscription.close();
                });
    }

    /**
     * The live feed broke (in production, Axon Server went away or restarted): the page is told to
     * connect again in {@link #RECONNECT_AFTER} and the stream ends. The browser then reconnects by
     * itself and gets the whole board again, so nothing missed meanwhile is lost.
     */
    private static ServerSentEvent<Object> reconnect(Throwable lost) {
        if (StorageFailures.axonServerUnreachable(lost, false)) {
            log.debug("A board stream lost Axon Server: the viewer reconnects");
        } else {
            log.warn("A board stream failed; the viewer reconnects: {}", lost.toString());
        }
        return ServerSentEvent.builder((Object) Map.of("retryAfterSeconds", RECONNECT_AFTER.toSeconds()))
                .event(RECONNECT).retry(RECONNECT_AFTER).build();
    }

    private static ServerSentEvent<Object> event(String name, Object data) {
        return ServerSentEvent.builder(data).event(name).build();
    }

    /** What docs/API.md promises for each kind of event. */
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
}
