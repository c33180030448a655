package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.minga.benchmark.store.StoreRunner;

/**
 * The event-store, restart and assembly-depth measurements end to end, tiny (1 s per append phase,
 * about 2,000 events stored, a deep assembly of 1,000), against the minga.jar this build just
 * packaged: every figure must have a sane value, and only the assembly depth's two figures a
 * target (met or missed: this machine's speed is not the test's business). It fails, rather than
 * skips, when the jar is missing.
 */
class EventStoreRunTest {

    private static final Path JAR = Path.of("../facilitation-ui/target/minga.jar");
    private static final int STORED_EVENTS = 2_000;
    private static final int DEEP_EVENTS = 1_000;

    @Test
    void tinyRunReportsEveryFigureAndOnlyTheDepthTargets() throws Exception {
        assertThat(JAR).as("facilitation-ui's jar, packaged earlier in the same build (./mvnw verify from the root)").isRegularFile();
        Path out = Path.of("target/eventstore-test");
        Set<Path> dataDirsBefore = benchmarkDataDirs();

        EventStoreFigures figures = EventStoreRun.measure(JAR, "-Xmx512m", out, STORED_EVENTS, DEEP_EVENTS, Duration.ofSeconds(1));

        Measurement store = figures.eventStore();
        for (String threads : List.of("1Thread", "4Threads")) {
            double perSecond = value(store, "appendsPerSecond" + threads);
            double appended = value(store, "appends" + threads);
            assertThat(perSecond).isPositive();
            // One second of appending: the count and the rate agree, give or take the last append.
            assertThat(appended / perSecond).isBetween(0.5, 2.0);
            assertThat(value(store, "appendLatencyP50Ms" + threads)).isPositive()
                    .isLessThanOrEqualTo(value(store, "appendLatencyP99Ms" + threads));
            assertThat(value(store, "runnerCpuCores" + threads)).isPositive();
            assertThat(value(store, "otherCpuCores" + threads)).isGreaterThanOrEqualTo(0);
        }
        assertThat(value(store, "contextStartSeconds")).isPositive();
        assertThat(store.details().get("readBack")).asString().startsWith("every thread's stream read back");
        assertThat(figures.rawAppendsPerSecond()).isCloseTo(value(store, "appendsPerSecond1Thread"), offset(0.1));

        Measurement restart = figures.restart();
        JsonNode dataset = MingaApi.JSON.readTree(out.resolve("restart-dataset.json").toFile());
        assertThat(value(restart, "eventsStored")).isGreaterThanOrEqualTo(STORED_EVENTS)
                .isEqualTo(dataset.path("expectedEvents").asDouble());
        assertThat(value(restart, "eventsFileMiB")).isPositive();
        assertThat(value(restart, "readModelsFileMiB")).isPositive();
        assertThat(value(restart, "eventsFileRunningMiB")).isPositive();
        assertThat(value(restart, "readModelsFileRunningMiB")).isPositive();
        assertThat(value(restart, "startToReadyMs")).isPositive().isLessThanOrEqualTo(value(restart, "startToCaughtUpMs"));
        assertThat(value(restart, "sigkillToReadyMs")).isPositive().isLessThanOrEqualTo(value(restart, "sigkillToCaughtUpMs"));
        assertThat(value(restart, "rebuildStartToReadyMs")).isPositive().isLessThanOrEqualTo(value(restart, "rebuildMs"));
        assertThat(value(restart, "datasetEventsPerSecond")).isPositive();
        assertThat(value(restart, "datasetBuildSeconds")).isPositive();
        assertThat(value(restart, "datasetCatchUpSeconds")).isGreaterThanOrEqualTo(0);
        assertThat(restart.details().get("dataset")).asString().contains("assemblies of 25 tables");
        assertThat(dataset.path("deepAssemblyEvents").asLong()).isEqualTo(DEEP_EVENTS);
        assertThat(dataset.path("shallowAssemblyEvents").asLong()).isEqualTo(103);
        assertThat(dataset.path("shallowAssemblyIds")).hasSize(4);

        Measurement depth = figures.assemblyDepth();
        for (String which : List.of("deep", "shallow")) {
            assertThat(value(depth, which + "CommandP50Ms")).isPositive()
                    .isLessThanOrEqualTo(value(depth, which + "CommandP95Ms"))
                    .isLessThanOrEqualTo(value(depth, which + "CommandP99Ms"));
            assertThat(value(depth, which + "ColdCommandMs")).isPositive();
        }
        assertThat(value(depth, "latencyRatioP50")).isPositive();
        assertThat(value(depth, "latencyRatioP99")).isPositive();
        assertThat(value(depth, "boardRebuildP50Ms")).isPositive().isLessThanOrEqualTo(value(depth, "boardRebuildMaxMs"));
        assertThat(value(depth, "liveBoardP50Ms")).isPositive();
        assertThat(value(depth, "historyP50Ms")).isPositive();
        assertThat(value(depth, "deepBuildSeconds")).isPositive();
        assertThat(depth.figures()).allSatisfy((key, figure) -> assertThat(figure.target() != null)
                .as("figure %s has a target", key).isEqualTo(key.equals("latencyRatioP50") || key.equals("boardRebuildP50Ms")));
        assertThat(List.of(depth.figures().get("latencyRatioP50").result(), depth.figures().get("boardRebuildP50Ms").result()))
                .allSatisfy(result -> assertThat(result).isIn("pass", "miss"));
        // The deep assembly took the run's commands after the data set: the board rebuilt for the auditor is the live one's.
        assertThat((long) depth.details().get("rebuiltBoardVersion")).isEqualTo(depth.details().get("liveBoardVersion"))
                .isGreaterThan(DEEP_EVENTS);
        assertThat((int) depth.details().get("historyEntries")).isPositive();

        for (Measurement measurement : List.of(store, restart)) {
            assertThat(measurement.figures().values()).as("the issue sets no target on these figures")
                    .allSatisfy(figure -> assertThat(figure.target()).isNull())
                    .allSatisfy(figure -> assertThat(figure.result()).isNull());
            assertThat(measurement.missedAnyTarget()).isFalse();
        }
        Report report = figures.addTo(new Report("test", "now", "test", Machine.describe(), "test", new LinkedHashMap<>()));
        assertThat(report.measurements()).containsOnlyKeys(EventStoreFigures.EVENT_STORE, EventStoreFigures.RESTART,
                EventStoreFigures.ASSEMBLY_DEPTH);
        assertThat(ReportWriter.markdown(report)).contains("| appends/s, 1 thread |", "| SIGKILL to ready",
                "## Assembly depth: a 1,000-event assembly against 103-event ones",
                "| command latency p50, 1,000-event assembly ÷ 103-event assemblies |",
                "| rebuilding the 1,000-event assembly's board for the auditor (GET …/board?sequence=");
        ReportWriter.write(report, out);
        assertThat(benchmarkDataDirs()).as("data directories left behind").isSubsetOf(dataDirsBefore);
    }

    @Test
    void harnessNamesTheRunnerClassItLaunches() {
        assertThat(StoreRunner.MAIN_CLASS).isEqualTo(StoreRunner.class.getName());
    }

    /** Every figure here is measured: a number, never "not measured". */
    private static double value(Measurement measurement, String key) {
        Figure figure = measurement.figures().get(key);
        assertThat(figure).as("figure %s", key).isNotNull();
        assertThat(figure.value()).as("figure %s has a value: %s", key, figure).isNotNull();
        return figure.value().doubleValue();
    }

    private static Set<Path> benchmarkDataDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("minga-bench-append-")
                    || path.getFileName().toString().startsWith("minga-bench-restart-")).collect(Collectors.toSet());
        }
    }
}
