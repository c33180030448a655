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
 * The event-store and restart measurements end to end, tiny (1 s per append phase, about 2,000
 * events stored), against the minga.jar this build just packaged: every figure must have a sane
 * value and no target. It fails, rather than skips, when the jar is missing.
 */
class EventStoreRunTest {

    private static final Path JAR = Path.of("../facilitation-ui/target/minga.jar");
    private static final int STORED_EVENTS = 2_000;

    @Test
    void tinyRunReportsEveryFigureWithoutTargets() throws Exception {
        assertThat(JAR).as("facilitation-ui's jar, packaged earlier in the same build (./mvnw verify from the root)").isRegularFile();
        Path out = Path.of("target/eventstore-test");
        Set<Path> dataDirsBefore = benchmarkDataDirs();

        EventStoreFigures figures = EventStoreRun.measure(JAR, "-Xmx512m", out, STORED_EVENTS, Duration.ofSeconds(1));

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

        for (Measurement measurement : List.of(store, restart)) {
            assertThat(measurement.figures().values()).as("the issue sets no target on these figures")
                    .allSatisfy(figure -> assertThat(figure.target()).isNull())
                    .allSatisfy(figure -> assertThat(figure.result()).isNull());
            assertThat(measurement.missedAnyTarget()).isFalse();
        }
        Report report = figures.addTo(new Report("test", "now", "test", Machine.describe(), "test", new LinkedHashMap<>()));
        assertThat(report.measurements()).containsOnlyKeys(EventStoreFigures.EVENT_STORE, EventStoreFigures.RESTART);
        assertThat(ReportWriter.markdown(report)).contains("| appends/s, 1 thread |", "| SIGKILL to ready");
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
