package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.minga.benchmark.PhoneLoad.Kind;
import org.minga.benchmark.PhoneLoad.Window;

/** What the report says of a room's rhythm, from logs of commands whose times are made up. */
class RhythmFiguresTest {

    private static final long MS = 1_000_000;
    private static final BenchmarkSettings SETTINGS = BenchmarkSettings.parse(new String[]{"assemblies=1", "tables=2", "viewers=2",
            "rhythmStagger=0", "rhythmGap=4", "rhythmBurst=3"}, new Properties());

    @Test
    void piecesAndOpeningsAreReportedApartWithTheRefusalsByCode() {
        CommandLog pieces = new CommandLog(10, 0);
        long start = 1_000 * MS;
        for (int seq = 0; seq < 10; seq++) {
            // Five pieces in the first 100 ms, five a second later: at most five due in any second.
            long due = start + (seq < 5 ? seq * 20 * MS : 1_100 * MS + seq * 20 * MS);
            pieces.sent(seq, Kind.ADD_NEED, due, due);
            boolean refused = seq == 9;
            pieces.answered(seq, due + (seq + 1) * MS, refused ? 409 : 201, refused ? "step.closed" : null);
            if (!refused) {
                pieces.seen(seq, due + 2 * (seq + 1) * MS);
            }
        }
        CommandLog openings = new CommandLog(2, 0);
        openings.sent(0, Kind.OPEN_STEP, start, start);
        openings.answered(0, start + 80 * MS, 200, null);
        openings.sent(1, Kind.OPEN_STEP, start + 500 * MS, start + 500 * MS);
        openings.answered(1, start + 520 * MS, 200, null);

        Measurement rhythm = new RhythmFigures(SETTINGS, RoomRhythm.plan(RoomRhythm.Shape.of(SETTINGS)), pieces, openings,
                new Window(start, start, start + 2_000 * MS, 10), observed()).measurement();

        Map<String, Figure> figures = rhythm.figures();
        assertThat(figures.get("commandsSent").value()).isEqualTo(10);
        assertThat(figures.get("commandsSucceeded").value()).isEqualTo(9);
        assertThat(figures.get("peakPerSecond1s").value()).isEqualTo(5);
        assertThat(figures.get("peakPerSecond10s").value()).isEqualTo(1.0);
        assertThat(figures.get("commandLatencyP50Ms").value()).isEqualTo(5.0);
        assertThat(figures.get("commandLatencyP99Ms").value()).isEqualTo(9.0);
        assertThat(figures.get("commandLatencyP99Ms").result()).isEqualTo("pass");
        assertThat(figures.get("viewerLatencyP99Ms").value()).isEqualTo(18.0);
        assertThat(figures.get("errors").value()).isEqualTo(1L);
        assertThat(figures.get("errors").result()).isEqualTo("miss");
        assertThat(rhythm.details().get("errorsByStatus")).isEqualTo(Map.of("409 step.closed", 1L));
        assertThat(figures.get("stepOpenings").value()).isEqualTo(2);
        assertThat(figures.get("stepOpeningLatencyP50Ms").value()).isEqualTo(20.0);
        assertThat(figures.get("stepOpeningLatencyP99Ms").value()).isEqualTo(80.0);
        assertThat(figures.get("stepOpeningErrors").value()).isEqualTo(0L);
    }

    @Test
    void aPhaseThatFailedMissesItsTargetAndSaysWhy() {
        Measurement failed = RhythmFigures.failed(new IllegalStateException("POST /api/assemblies answered 503"));

        assertThat(failed.missedAnyTarget()).isTrue();
        assertThat(failed.figures().get("errors").note()).contains("answered 503");
    }

    private static RhythmFigures.Observed observed() {
        return new RhythmFigures.Observed(new RoomSetup.Rooms(List.of(), Duration.ofSeconds(1), 0, List.of()),
                new LiveRoomBenchmark.CatchUp(Duration.ZERO, 0), Duration.ofMillis(100),
                new BoardViewers.Counts(2, 2, 0, Map.of(), 20, 0), OptionalDouble.empty());
    }
}
