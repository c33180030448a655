package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A tiny live room end to end against a Minga the harness starts from the jar this build just
 * packaged, with a two-rung rate ladder before the load: the report must have every figure, with
 * sane values, and every kind of phone command must have been sent and accepted; then a tiny room's
 * rhythm on two fresh assemblies, every command it planned sent, accepted and seen. The event-store
 * figures are left to EventStoreRunTest. It fails, rather than skips, when the jar is missing, so
 * the harness never silently stops being exercised.
 */
class LiveRoomBenchmarkTest {

    private static final Path JAR = Path.of("../facilitation-ui/target/minga.jar");

    @Test
    void tinyRoomReportsEveryFigure() throws Exception {
        assertThat(JAR).as("facilitation-ui's jar, packaged earlier in the same build (./mvnw verify from the root)").isRegularFile();
        Path out = Path.of("target/bench-test");
        BenchmarkSettings settings = BenchmarkSettings.parse(new String[]{
                "assemblies=4", "tables=2", "viewers=2", "rate=20", "duration=3", "warmup=1", "ladder=10,20", "ladderDuration=2",
                "ladderWarmup=0", "storeEvents=0", "rhythmAssemblies=2", "rhythmStagger=2", "rhythmGap=4", "rhythmBurst=3",
                "out=" + out, "jar=" + JAR}, new Properties());

        Report report = LiveRoomBenchmark.run(settings);
        ReportWriter.write(report, out);

        JsonNode json = MingaApi.JSON.readTree(out.resolve("report.json").toFile());
        JsonNode live = json.path("measurements").path("liveRoom").path("figures");
        assertThat(value(json.path("measurements").path("start").path("figures"), "startToReadyMs")).isPositive();
        assertThat(value(live, "commandsSent")).isEqualTo(60);
        assertThat(value(live, "commandsSucceeded")).isEqualTo(60);
        // Four assemblies, one in each step: every phone command of the method, the pins last.
        JsonNode kinds = json.path("measurements").path("liveRoom").path("details").path("commandsByKind");
        assertThat(kinds.fieldNames()).toIterable().containsExactly("revise a need", "attach or revise a solution",
                "set or revise a work plan", "elect the spokesperson", "pin the table's puzzle");
        assertThat(kinds.path("pin the table's puzzle").asText()).startsWith("2,");
        assertThat(value(live, "markedCommands")).isEqualTo(60 - kindCount(kinds, "elect the spokesperson") - 2);
        assertThat(value(live, "commandsPerSecond")).isPositive();
        double p50 = value(live, "commandLatencyP50Ms");
        double p95 = value(live, "commandLatencyP95Ms");
        double p99 = value(live, "commandLatencyP99Ms");
        assertThat(p50).isPositive().isLessThanOrEqualTo(p95);
        assertThat(p95).isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(value(live, "commandLatencyMaxMs"));
        assertThat(value(live, "viewerLatencyP50Ms")).isPositive().isLessThanOrEqualTo(value(live, "viewerLatencyP99Ms"));
        assertThat(value(live, "unseenCommands")).isZero();
        assertThat(value(live, "errors")).isZero();
        assertThat(value(live, "sseRequested")).isEqualTo(8);
        assertThat(value(live, "sseHeld")).isEqualTo(8);
        assertThat(value(live, "sseDropped")).isZero();
        assertThat(value(live, "sseServerCount")).isEqualTo(8);
        assertThat(value(live, "heapAfterGcMiB")).isPositive();
        // Issue 18, target 4, on the main load only: what it allocated, and the pauses of Minga's GC log (G1 by default).
        assertThat(value(live, "heapAllocatedPerCommandKB")).isPositive();
        assertThat(live.path("heapAllocatedPerCommandKB").path("result").asText()).isIn("pass", "miss");
        assertThat(value(live, "allocationRateMBps")).isPositive();
        double pauses = value(live, "gcPauses");
        assertThat(pauses).isNotNegative();
        assertThat(value(live, "gcPauseMaxMs")).isNotNegative();
        assertThat(live.path("gcPauseMaxMs").path("result").asText()).isIn("pass", "miss");
        if (pauses > 0) {
            assertThat(value(live, "gcPauseP50Ms")).isPositive().isLessThanOrEqualTo(value(live, "gcPauseMaxMs"));
        } else {
            assertThat(live.path("gcPauseP50Ms").path("note").asText()).isEqualTo("no GC pause during the load");
        }
        assertThat(json.path("measurements").path("liveRoom").path("details").path("gcCollector").asText()).startsWith("G1 (JVM options: -Xmx1g;");
        assertThat(out.resolve("minga.gc.log")).content().contains("Using G1");
        assertThat(live.path("commandLatencyP99Ms").path("result").asText()).isIn("pass", "miss");
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("command").asText()).contains("-Pbench", "assemblies=4", "rate=20", "ladder=10,20", "storeEvents=0");
        assertThat(Files.readString(out.resolve("report.md"))).contains("| command latency p99 |", "| SSE connections held",
                "| heap allocated per command during the load", "| longest GC pause during the load | ",
                "| at 10/s: command latency p99 |");

        JsonNode ladder = json.path("measurements").path("rateLadder").path("figures");
        assertThat(value(ladder, "commandP99MsAt10")).isPositive();
        assertThat(value(ladder, "perSecondAt10")).isPositive();
        assertThat(value(ladder, "errorsAt10")).isZero();
        // The highest rate met is one of the rates tried, or none was met and it says so.
        JsonNode highest = ladder.path("highestRateMeetingTargets");
        if (highest.path("value").isNumber()) {
            assertThat(ladder.has("commandP99MsAt" + highest.path("value").asInt())).isTrue();
        } else {
            assertThat(highest.path("note").asText()).startsWith("no rate tried met them");
        }
        assertThat(json.path("measurements").has(EventStoreFigures.EVENT_STORE)).isFalse();

        assertRhythm(json.path("measurements").path(LiveRoomBenchmark.RHYTHM), RoomRhythm.plan(RoomRhythm.Shape.of(settings)));
        assertThat(json.path("command").asText()).contains("rhythmAssemblies=2 rhythmStagger=2 rhythmGap=4 rhythmBurst=3 rhythmSeed=18");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## A room's rhythm: 2 fresh assemblies × 2 tables × 2 viewers",
                "| command latency p99, inside the bursts |", "| command → first viewer p99, inside the bursts |", "| step opening latency p99 |");
    }

    /** Two fresh assemblies of two tables, a step every 4 s, 3 s bursts: every planned command sent, accepted and measured. */
    private static void assertRhythm(JsonNode rhythm, RoomRhythm planned) {
        JsonNode figures = rhythm.path("figures");
        assertThat(planned.openings()).isEqualTo(8);
        assertThat(value(figures, "commandsSent")).isEqualTo(planned.pieces());
        assertThat(value(figures, "commandsSucceeded")).isEqualTo(planned.pieces());
        assertThat(value(figures, "errors")).isZero();
        assertThat(value(figures, "stepOpenings")).isEqualTo(8);
        assertThat(value(figures, "stepOpeningErrors")).isZero();
        double openingP50 = value(figures, "stepOpeningLatencyP50Ms");
        assertThat(openingP50).isPositive().isLessThanOrEqualTo(value(figures, "stepOpeningLatencyP99Ms"));
        JsonNode kinds = rhythm.path("details").path("commandsByKind");
        assertThat(kinds.fieldNames()).toIterable().containsExactlyInAnyOrder("add a need", "attach or revise a solution",
                "set or revise a work plan", "elect the spokesperson", "pin the table's puzzle");
        // Four tables, each an election and a pin: every other piece carries a marker, and a viewer saw each.
        assertThat(kindCount(kinds, "elect the spokesperson")).isEqualTo(4);
        assertThat(kindCount(kinds, "pin the table's puzzle")).isEqualTo(4);
        assertThat(value(figures, "markedCommands")).isEqualTo(planned.pieces() - 8);
        assertThat(value(figures, "unseenCommands")).isZero();
        double p50 = value(figures, "commandLatencyP50Ms");
        double p99 = value(figures, "commandLatencyP99Ms");
        assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(value(figures, "commandLatencyMaxMs"));
        assertThat(figures.path("commandLatencyP99Ms").path("result").asText()).isIn("pass", "miss");
        double viewerP50 = value(figures, "viewerLatencyP50Ms");
        assertThat(viewerP50).isPositive().isLessThanOrEqualTo(value(figures, "viewerLatencyP99Ms"));
        assertThat(figures.path("viewerLatencyP99Ms").path("result").asText()).isIn("pass", "miss");
        double peak = value(figures, "peakPerSecond1s");
        assertThat(peak).isBetween(1.0, (double) planned.pieces());
        assertThat(value(figures, "peakPerSecond10s")).isPositive().isLessThanOrEqualTo(peak);
        // The last burst ends 2 × 1/2 + 3 × 4 + 3 = 16 s after the first opening.
        assertThat(value(figures, "phaseSeconds")).isBetween(10.0, 16.0);
        assertThat(value(figures, "sseRequested")).isEqualTo(4);
        assertThat(value(figures, "sseHeld")).isEqualTo(4);
        assertThat(value(figures, "sseDropped")).isZero();
        assertThat(value(figures, "setupSeconds")).isPositive();
        assertThat(value(figures, "mingaCpuCores")).isPositive();
        assertThat(value(figures, "generatorLagP99Ms")).isNotNegative();
        assertThat(rhythm.path("details").path("planned").asText()).isEqualTo(planned.pieces() + " tables' commands and 8 step openings, seed 18");
    }

    @Test
    void aRunThatCannotMeasureTheEventStoreStopsBeforeTheLiveRoom() {
        // No Minga listens at this url: the run must refuse before it tries to set up a single room.
        BenchmarkSettings settings = BenchmarkSettings.parse(new String[]{"url=http://127.0.0.1:9", "token=t", "jar=target/no-such.jar",
                "out=target/bench-nojar"}, new Properties());

        assertThatThrownBy(() -> LiveRoomBenchmark.run(settings)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such.jar").hasMessageContaining("storeEvents=0");
    }

    private static int kindCount(JsonNode kinds, String kind) {
        return Integer.parseInt(kinds.path(kind).asText().split(",")[0]);
    }

    private static double value(JsonNode figures, String key) {
        JsonNode value = figures.path(key).path("value");
        assertThat(value.isNumber()).as("figure %s has a number: %s", key, figures.path(key)).isTrue();
        return value.asDouble();
    }
}
