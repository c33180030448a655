package org.minga.benchmark;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.minga.benchmark.RoomSetup.Room;

/**
 * The projectors and phones watching each assembly's live board over Server-Sent Events. Viewer 0
 * of an assembly is its projector (share link); the others are table phones (join codes, round the
 * tables). A connection counts as held once its first {@code board} event arrives. Each viewer reads
 * every change and tells the {@link CommandLog} of the load running then which commands' markers it
 * saw; the first viewer to see one sets that command's command→viewer time.
 */
public final class BoardViewers implements AutoCloseable {

    /** The event that carries the whole board: the first one on every stream (docs/API.md). */
    static final String BOARD_EVENT = "board";
    /** Connections being opened at once: 3,000 at the same instant would only measure the accept queue. */
    static final int CONNECTING_AT_ONCE = 64;
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

    /** What became of the connections. */
    public record Counts(int requested, int held, int dropped, Map<String, Long> failures, long events, long revisionGaps) {

        /** The connections as they are, with the events and gaps since {@code earlier}. */
        public Counts since(Counts earlier) {
            return new Counts(requested, held, dropped, failures, events - earlier.events, revisionGaps - earlier.revisionGaps);
        }
    }

    private final MingaApi api;
    private volatile CommandLog log = new CommandLog(0, 0);
    private final List<Viewer> viewers = new ArrayList<>();
    private final Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder events = new LongAdder();
    private final LongAdder revisionGaps = new LongAdder();
    private volatile boolean closing;

    public BoardViewers(MingaApi api) {
        this.api = api;
    }

    /** From now on the markers viewers see are those of {@code load}'s commands. */
    public void watchFor(CommandLog load) {
        this.log = load;
    }

    /** Opens {@code perAssembly} streams on each room's board, a few dozen at a time; returns once all are asked for. */
    public void open(List<Room> rooms, int perAssembly) {
        for (Room room : rooms) {
            for (int v = 0; v < perAssembly; v++) {
                Credential credential = v == 0 ? Credential.shareLink(room.projectorLink())
                        : Credential.tableCode(room.tables().get((v - 1) % room.tables().size()).joinCode());
                Viewer viewer = new Viewer(room.assemblyId(), credential);
                viewers.add(viewer);
                viewer.connect();
            }
        }
    }

    /** Waits until every stream is held or has failed, or the timeout passes; answers whether all are held. */
    public boolean awaitHeld(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (held.get() + failedCount() >= viewers.size()) {
                break;
            }
            MingaProcess.sleep(Duration.ofMillis(50));
        }
        return held.get() == viewers.size();
    }

    public Counts counts() {
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((reason, count) -> failed.put(reason, count.sum()));
        return new Counts(viewers.size(), held.get(), dropped.get(), failed, events.sum(), revisionGaps.sum());
    }

    private long failedCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Hangs up every stream; whatever ends after this is not counted as dropped. */
    @Override
    public void close() {
        closing = true;
        viewers.forEach(Viewer::hangUp);
    }

    private void failed(String reason) {
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** One open stream on one assembly's board. */
    private final class Viewer implements ServerSentEventLines.Listener {

        private final String assemblyId;
        private final Credential credential;
        private final ServerSentEventLines lines = new ServerSentEventLines(this);
        /** Set once the connection is either held or failed, so the connecting permit is given back once. */
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean isHeld;
        private volatile boolean permit;
        private long lastRevision = -1;

        Viewer(String assemblyId, Credential credential) {
            this.assemblyId = assemblyId;
            this.credential = credential;
        }

        void connect() {
            try {
                permit = connecting.tryAcquire(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while opening viewers", e);
            }
            // No request timeout: it would also cut the stream, which is meant to stay open.
            HttpRequest request = HttpRequest.newBuilder(api.uri("/api/assemblies/" + assemblyId + "/board/stream"))
                    .header("Accept", "text/event-stream")
                    .header(credential.header(), credential.value())
                    .GET().build();
            api.client().sendAsync(request, info -> {
                if (info.statusCode() != 200) {
                    settle("status " + info.statusCode());
                    return HttpResponse.BodySubscribers.discarding();
                }
                return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
            }).whenComplete((response, failure) -> {
                if (failure != null) {
                    ended(failure);
                }
            });
        }

        @Override
        public void event(String name, String data, long receivedNanos) {
            events.increment();
            long revision = BoardEventScanner.scan(data, seq -> log.seen(seq, receivedNanos));
            if (BOARD_EVENT.equals(name)) {
                if (!isHeld) {
                    isHeld = true;
                    held.incrementAndGet();
                    settle(null);
                }
            } else if (revision > lastRevision + 1 && lastRevision >= 0) {
                // A client seeing a gap must reload the board: Minga dropped changes on their way to it.
                revisionGaps.add(revision - lastRevision - 1);
            }
            lastRevision = Math.max(lastRevision, revision);
        }

        @Override
        public void ended(Throwable failure) {
            if (closing) {
                return;
            }
            if (isHeld) {
                dropped.incrementAndGet();
            } else {
                settle(failure == null ? "closed before the board" : failure.getClass().getSimpleName());
            }
        }

        /** Records a failure (or, with null, success) once and lets the next connection start. */
        private void settle(String failure) {
            if (settled.compareAndSet(false, true)) {
                if (failure != null) {
                    failed(failure);
                }
                if (permit) {
                    connecting.release();
                }
            }
        }

        void hangUp() {
            lines.cancel();
        }
    }
}
