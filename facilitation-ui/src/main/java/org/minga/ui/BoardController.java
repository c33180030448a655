package org.minga.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
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
    /** One clock for every open stream's keep-alive comment, rather than one timer per viewer. */
    private static final Flux<ServerSentEvent<String>> HEARTBEATS = Flux.interval(HEARTBEAT)
            .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build())
            .share();
    private static final Logger log = LoggerFactory.getLogger(BoardController.class);

    private final Gateways gateways;
    private final MingaMetrics.LiveViewers viewers;
    private final LiveAccess access;
    private final LiveBoards live;

    BoardController(Gateways gateways, MingaMetrics.LiveViewers viewers, LiveAccess access, LiveBoards live) {
        this.gateways = gateways;
        this.viewers = viewers;
        this.access = access;
        this.live = live;
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
     * when the feed itself breaks. The viewer follows the assembly's one feed ({@link LiveBoards}),
     * joined before the board is read so that no change falls between them, and leaves it when it
     * goes or the stream ends.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> stream(@PathVariable String assemblyId, HttpServletRequest request, Authentication who) {
        Mono<Void> accessLost = access.lost(request, who);
        LiveBoards.Viewer viewer = live.join(assemblyId);
        BoardView board;
        try {
            board = board(assemblyId, null, null);
        } catch (RuntimeException refused) {
            viewer.leave();
            throw refused;
        }
        Flux<ServerSentEvent<String>> changes = Flux.just(live.whole(board)).concatWith(viewer.after(board));
        return Flux.merge(changes, HEARTBEATS)
                .onErrorResume(lost -> Flux.just(reconnect(lost)))
                .takeUntilOther(accessLost)
                .doOnSubscribe(subscribed -> viewers.joined())
                .doFinally(signal -> {
                    viewers.left();
                    viewer.leave();
                });
    }

    /**
     * The live feed broke (in production, Axon Server went away or restarted): the page is told to
     * connect again in {@link #RECONNECT_AFTER} and the stream ends. The browser then reconnects by
     * itself and gets the whole board again, so nothing missed meanwhile is lost.
     */
    private ServerSentEvent<String> reconnect(Throwable lost) {
        if (StorageFailures.axonServerUnreachable(lost, false)) {
            log.debug("A board stream lost Axon Server: the viewer reconnects");
        } else {
            log.warn("A board stream failed; the viewer reconnects: {}", lost.toString());
        }
        return ServerSentEvent.builder(live.written(Map.of("retryAfterSeconds", RECONNECT_AFTER.toSeconds())))
                .event(RECONNECT).retry(RECONNECT_AFTER).build();
    }
}
