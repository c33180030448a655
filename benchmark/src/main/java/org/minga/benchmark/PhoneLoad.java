package org.minga.benchmark;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.minga.benchmark.RoomSetup.PhoneTable;
import org.minga.benchmark.RoomSetup.Room;

/**
 * The tables' phones revising their needs, open-loop: command {@code n} is due at
 * {@code start + n / rate} whether or not earlier ones have been answered, as phones in a room do
 * not wait for each other. Commands go round every table of every assembly in turn, each carrying
 * the marker {@code rev-<n>} in its text so viewers can tell when it reached them. When the
 * generator itself is late (this JVM starved of CPU), it still sends and records by how much.
 */
public final class PhoneLoad {

    /** The prefix of the marker each revised text starts with, followed by the command's sequence number. */
    public static final String MARKER = "rev-";
    /** A send this much later than its due time counts as the generator falling behind. */
    static final long LATE_NANOS = Duration.ofMillis(5).toNanos();
    private static final long LEAD_NANOS = Duration.ofMillis(200).toNanos();
    /**
     * Commands waiting for an answer at most; a command due while this many wait is not sent and
     * counts as an error. Without a bound, an overloaded Minga and 30 s timeouts would hold
     * rate × 30 connections open and run both JVMs out of file descriptors, which would measure the
     * limit of the operating system rather than Minga's.
     */
    static final int MAX_IN_FLIGHT = 4000;

    /** When the load ran: warmup from {@code start}, measured from {@code measuredFrom} to {@code end}. */
    public record Window(long start, long measuredFrom, long end, int commands) {

        public boolean measured(long due) {
            return due >= measuredFrom && due < end;
        }

        public Duration measuredLength() {
            return Duration.ofNanos(end - measuredFrom);
        }
    }

    private final MingaApi api;
    private final List<PhoneTable> tables;
    private final int rate;
    private final CommandLog log;
    private final AtomicInteger inFlight = new AtomicInteger();

    public PhoneLoad(MingaApi api, List<Room> rooms, int rate, CommandLog log) {
        this.api = api;
        this.tables = interleave(rooms);
        this.rate = rate;
        this.log = log;
    }

    /** How many commands a run of this length sends. */
    public static int commandsFor(int rate, Duration length) {
        return Math.toIntExact(rate * length.toSeconds());
    }

    /** Sends the whole schedule from the calling thread and returns when the last command is out (not answered). */
    public Window run(Duration warmup, Duration duration) {
        int commands = commandsFor(rate, warmup.plus(duration));
        if (commands > log.capacity()) {
            throw new IllegalArgumentException("The command log holds " + log.capacity() + " commands, the schedule has " + commands);
        }
        long start = System.nanoTime() + LEAD_NANOS;
        Window window = new Window(start, start + warmup.toNanos(), start + warmup.plus(duration).toNanos(), commands);
        for (int seq = 0; seq < commands; seq++) {
            long due = start + Math.round(seq * 1e9 / rate);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            send(seq, due, now);
        }
        return window;
    }

    private void send(int seq, long due, long now) {
        PhoneTable table = tables.get(seq % tables.size());
        String needId = table.needIds().get((seq / tables.size()) % table.needIds().size());
        HttpRequest request = api.request("PUT", table.needsPath() + "/" + needId,
                Map.of("text", MARKER + seq + " Necesidad revisada por la mesa " + table.tableId()),
                Credential.tableCode(table.joinCode()));
        log.sent(seq, due, now);
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            log.notSent(seq, now, MAX_IN_FLIGHT + " already waiting");
            return;
        }
        api.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long at = System.nanoTime();
            inFlight.decrementAndGet();
            if (failure != null) {
                log.failed(seq, at, failure);
            } else {
                log.answered(seq, at, response.statusCode(), refusalCode(response));
            }
        });
    }

    /** The {@code code} of a problem+json refusal, so errors can be told apart in the report. */
    private static String refusalCode(HttpResponse<String> response) {
        if (response.statusCode() < 300) {
            return null;
        }
        try {
            return MingaApi.JSON.readTree(response.body()).path("code").asText(null);
        } catch (Exception notJson) {
            return null;
        }
    }

    /** Table 0 of every assembly, then table 1 of every assembly, …: consecutive commands go to different assemblies. */
    static List<PhoneTable> interleave(List<Room> rooms) {
        List<PhoneTable> order = new ArrayList<>();
        int most = rooms.stream().mapToInt(room -> room.tables().size()).max().orElse(0);
        for (int t = 0; t < most; t++) {
            for (Room room : rooms) {
                if (t < room.tables().size()) {
                    order.add(room.tables().get(t));
                }
            }
        }
        if (order.isEmpty()) {
            throw new IllegalArgumentException("No tables to send commands from");
        }
        return List.copyOf(order);
    }
}
