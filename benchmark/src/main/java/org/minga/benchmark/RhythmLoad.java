package org.minga.benchmark;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.minga.benchmark.PhoneLoad.Window;
import org.minga.benchmark.RoomRhythm.Beat;
import org.minga.benchmark.RoomSetup.PhoneTable;
import org.minga.benchmark.RoomSetup.Room;

/**
 * Plays a {@link RoomRhythm} on rooms set up before their first step, open-loop as {@link PhoneLoad}
 * does: each beat goes out at its due time whether or not earlier ones were answered. Step openings
 * go with the facilitator's credential into their own log; the tables' pieces go with each table's
 * join code into another, their texts carrying the marker viewers look for (a need's text, a
 * solution's text, a work plan's first {@code who}). The election and the pin carry none.
 */
final class RhythmLoad {

    private static final long LEAD_NANOS = Duration.ofMillis(200).toNanos();

    private final MingaApi api;
    private final Credential facilitator;
    private final List<Room> rooms;
    private final RoomRhythm rhythm;
    private final CommandLog pieces;
    private final CommandLog openings;
    private final AtomicInteger inFlight = new AtomicInteger();

    RhythmLoad(MingaApi api, Credential facilitator, List<Room> rooms, RoomRhythm rhythm, CommandLog pieces, CommandLog openings) {
        if (rooms.size() < rhythm.shape().assemblies()
                || rooms.stream().anyMatch(room -> room.tables().size() < rhythm.shape().tables())) {
            throw new IllegalArgumentException("The rhythm plans for more assemblies or tables than the rooms have");
        }
        if (pieces.capacity() < rhythm.pieces() || openings.capacity() < rhythm.openings()) {
            throw new IllegalArgumentException("The command logs hold fewer commands than the rhythm sends");
        }
        this.api = api;
        this.facilitator = facilitator;
        this.rooms = rooms;
        this.rhythm = rhythm;
        this.pieces = pieces;
        this.openings = openings;
    }

    /** Sends every beat from the calling thread; returns when the last is out (not answered), with the window of the pieces. */
    Window run() {
        long start = System.nanoTime() + LEAD_NANOS;
        int piece = 0;
        int opening = 0;
        long lastPieceDue = start;
        for (Beat beat : rhythm.beats()) {
            long due = start + beat.atNanos();
            long now = PhoneLoad.awaitDue(due);
            Room room = rooms.get(beat.assembly());
            if (beat.opensStep()) {
                HttpRequest request = api.request("POST", "/api/assemblies/" + room.assemblyId() + "/steps/" + beat.step().code() + "/open",
                        null, facilitator);
                PhoneLoad.sendOpenLoop(api, request, openings, opening++, beat.kind(), due, now, inFlight);
            } else {
                PhoneTable table = room.tables().get(beat.table());
                int seq = piece++;
                HttpRequest request = request(table, beat, PhoneLoad.MARKER + pieces.marker(seq));
                PhoneLoad.sendOpenLoop(api, request, pieces, seq, beat.kind(), due, now, inFlight);
                lastPieceDue = due;
            }
        }
        return new Window(start, start, lastPieceDue + 1, piece);
    }

    private HttpRequest request(PhoneTable table, Beat beat, String marker) {
        Credential phone = Credential.tableCode(table.joinCode());
        String needId = needId(table, beat.need());
        String needPath = table.path() + "/needs/" + needId;
        return switch (beat.kind()) {
            case ADD_NEED -> api.request("POST", table.path() + "/needs",
                    Map.of("pieceId", needId, "text", marker + " Necesidad " + (beat.need() + 1) + " de la mesa " + table.tableId()), phone);
            case SOLUTION -> api.request("PUT", needPath + "/solution",
                    PhoneLoad.solution(marker + " Fondo rotatorio con la cooperativa, mesa " + table.tableId()), phone);
            case WORK_PLAN -> api.request("PUT", needPath + "/work-plan", PhoneLoad.workPlan(marker + " Junta de Acción Comunal"), phone);
            case ELECT_SPOKESPERSON -> api.request("PUT", table.path() + "/spokesperson",
                    Map.of("participantId", table.memberIds().get(0)), phone);
            case PIN -> api.request("POST", table.path() + "/pin", null, phone);
            default -> throw new IllegalArgumentException("A table does not send " + beat.kind());
        };
    }

    /** The id a table gives its {@code need}-th need when it writes it, so its solution and work plan can name it. */
    private static String needId(PhoneTable table, int need) {
        return table.tableId() + "-n" + (need + 1);
    }
}
