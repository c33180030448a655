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
 * The tables' phones sending the commands of the method, open-loop: command {@code n} is due at
 * {@code start + n / rate} whether or not earlier ones have been answered, as phones in a room do
 * not wait for each other. Commands go round every table of every assembly in turn; what a table
 * sends depends on its assembly's {@link MethodStep}: a need's new text, a solution, a work plan,
 * or a spokesperson election, and with {@code pinLast} its last command is the pin. Texts carry the
 * marker {@code rev-<n>} so viewers can tell when the change reached them; elections and pins
 * change no text and carry none. When the generator itself is late (this JVM starved of CPU), it
 * still sends and records by how much.
 */
public final class PhoneLoad {

    /** The prefix of the marker each text starts with, followed by the command's marker number. */
    public static final String MARKER = "rev-";
    /** The months every work plan covers: inside the horizon RoomSetup schedules. */
    static final Map<String, String> WORK_PLAN_WHEN = Map.of("from", "2025-02", "to", "2025-11");
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

    /** What a command does, and whether a viewer can tell it arrived by its marker. */
    public enum Kind {
        ADD_NEED("add a need", true),
        REVISE_NEED("revise a need", true),
        SOLUTION("attach or revise a solution", true),
        WORK_PLAN("set or revise a work plan", true),
        ELECT_SPOKESPERSON("elect the spokesperson", false),
        PIN("pin the table's puzzle", false),
        /** The facilitator's, not a phone's: the room's rhythm opens each step ({@link RoomRhythm}). */
        OPEN_STEP("open the next step", false);

        private final String label;
        private final boolean carriesMarker;

        Kind(String label, boolean carriesMarker) {
            this.label = label;
            this.carriesMarker = carriesMarker;
        }

        public String label() {
            return label;
        }

        public boolean carriesMarker() {
            return carriesMarker;
        }
    }

    private record Command(Kind kind, String method, String path, Object body) {
    }

    private final MingaApi api;
    private final List<PhoneTable> tables;
    private final int rate;
    private final CommandLog log;
    private final boolean pinLast;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** With {@code pinLast}, each spokespeople table's last command is its pin (a pinned table takes no more changes). */
    public PhoneLoad(MingaApi api, List<Room> rooms, int rate, CommandLog log, boolean pinLast) {
        this.api = api;
        this.tables = interleave(rooms);
        this.rate = rate;
        this.log = log;
        this.pinLast = pinLast;
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
            long now = awaitDue(due);
            send(seq, seq + tables.size() >= commands, due, now);
        }
        return window;
    }

    /** Parks the generator thread until {@code due} and answers when it woke (later than due when starved of CPU). */
    static long awaitDue(long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        return now;
    }

    private void send(int seq, boolean lastOfItsTable, long due, long now) {
        PhoneTable table = tables.get(seq % tables.size());
        Command command = command(table, seq / tables.size(), lastOfItsTable && pinLast, MARKER + log.marker(seq));
        HttpRequest request = api.request(command.method(), command.path(), command.body(), Credential.tableCode(table.joinCode()));
        sendOpenLoop(api, request, log, seq, command.kind(), due, now, inFlight);
    }

    /**
     * Records command {@code seq} as sent and hands it to the HTTP client without waiting for the
     * answer, which is recorded when it comes; beyond {@link #MAX_IN_FLIGHT} waiting (counted in
     * {@code inFlight}) it is held back and counts as an error.
     */
    static void sendOpenLoop(MingaApi api, HttpRequest request, CommandLog log, int seq, Kind kind, long due, long now,
                             AtomicInteger inFlight) {
        log.sent(seq, kind, due, now);
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

    /** The {@code lap}-th command of {@code table}: the next change of its assembly's step, round its needs and members. */
    private static Command command(PhoneTable table, int lap, boolean pin, String marker) {
        String needPath = table.path() + "/needs/" + table.needIds().get(lap % table.needIds().size());
        return switch (table.step()) {
            case NEEDS -> new Command(Kind.REVISE_NEED, "PUT", needPath,
                    Map.of("text", marker + " Necesidad revisada por la mesa " + table.tableId()));
            case SOLUTIONS -> new Command(Kind.SOLUTION, "PUT", needPath + "/solution",
                    solution(marker + " Fondo rotatorio con la cooperativa, mesa " + table.tableId()));
            case WORK_PLAN -> new Command(Kind.WORK_PLAN, "PUT", needPath + "/work-plan", workPlan(marker + " Junta de Acción Comunal"));
            case SPOKESPEOPLE -> pin
                    ? new Command(Kind.PIN, "POST", table.path() + "/pin", null)
                    // Setup elected member 0: from there each election changes the spokesperson.
                    : new Command(Kind.ELECT_SPOKESPERSON, "PUT", table.path() + "/spokesperson",
                            Map.of("participantId", table.memberIds().get((lap + 1) % table.memberIds().size())));
        };
    }

    /** A solution's body: its text and the organisations that cooperate on it. */
    static Map<String, Object> solution(String text) {
        return Map.of("text", text, "cooperatingOrganizations", List.of("Cooperativa Lechera", "Asociación de Mujeres"));
    }

    /** A work plan's body: who does it (the first entry), with whom, and when. */
    static Map<String, Object> workPlan(String who) {
        return Map.of("who", List.of(who, "Alcaldía municipal"), "when", WORK_PLAN_WHEN);
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
