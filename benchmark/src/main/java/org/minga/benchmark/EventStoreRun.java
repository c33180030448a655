package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.minga.benchmark.store.StoreRunner;

/**
 * Issue 7's event-store figures, each in data directories of its own, none through the load's HTTP:
 * <ul>
 * <li>{@value EventStoreFigures#EVENT_STORE}: appends a second of Minga's own event store (its H2
 *     file, schema, serializer and transaction manager; run inside minga.jar by {@link StoreRunner}),
 *     one event per transaction, on one thread and then on four;</li>
 * <li>{@value EventStoreFigures#RESTART}: a data directory holding at least S events, built with
 *     Minga's commands in-process and closed cleanly; then minga.jar started on it (after the clean
 *     stop), killed with SIGKILL and started again, and finally started without its read-model file,
 *     rebuilding every read model from the events; with the files' sizes.</li>
 * <li>{@value EventStoreFigures#ASSEMBLY_DEPTH}: on that last Minga, once caught up, over HTTP: command
 *     latency in a deep assembly of the same data directory against shallow ones, and the time to
 *     rebuild the deep one's board for the auditor ({@link AssemblyDepthRun}).</li>
 * </ul>
 * Only the assembly-depth figures have targets in the issue; the others are reported as they are.
 */
public final class EventStoreRun {

    /** Generous: at 100,000 events the dataset takes minutes on two shared cores. */
    private static final Duration DATASET_LIMIT = Duration.ofMinutes(60);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String EVENTS_FILE = "events.mv.db";
    private static final String READ_MODELS_FILE = "views.mv.db";

    private EventStoreRun() {
    }

    /**
     * The three measurements against {@code jar} (JVMs with {@code heap}), their logs and the runner's
     * results in {@code outDir}: raw appends for {@code appendTime} per phase (whole seconds, at
     * least 1), restarts with at least {@code storedEvents} events, and the assembly depth with a
     * deep assembly of {@code deepEvents} events (more than a shallow one's 103) among them.
     */
    public static EventStoreFigures measure(Path jar, String heap, Path outDir, int storedEvents, int deepEvents, Duration appendTime) {
        if (appendTime.toSeconds() < 1) {
            throw new IllegalArgumentException("appendTime must be at least 1 s, not " + appendTime);
        }
        if (storedEvents < 1) {
            throw new IllegalArgumentException("storedEvents must be at least 1, not " + storedEvents);
        }
        if (deepEvents < 1) {
            throw new IllegalArgumentException("deepEvents must be at least 1, not " + deepEvents);
        }
        MingaProcess.requireJar(jar);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + outDir, e);
        }
        log("Raw appends to Minga's event store, " + appendTime.toSeconds() + " s on 1 thread, then on 4");
        JsonNode appends = withFreshDataDir("minga-bench-append-", dataDir -> StoreRunnerProcess.run(jar, heap, StoreRunner.APPEND,
                dataDir, appendTime.toSeconds(), outDir.resolve("eventstore-append.json"), outDir.resolve("eventstore-append.log"),
                appendTime.multipliedBy(3).plus(DATASET_LIMIT.dividedBy(6))));
        Measurement eventStore = eventStoreMeasurement(appends, appendTime);
        Restarted restarted = withFreshDataDir("minga-bench-restart-", dataDir -> restart(jar, heap, outDir, storedEvents, deepEvents, dataDir));
        return new EventStoreFigures(eventStore, restarted.restart(), restarted.assemblyDepth(),
                appends.path("oneThread").path("appendsPerSecond").asDouble());
    }

    private static Measurement eventStoreMeasurement(JsonNode appends, Duration appendTime) {
        JsonNode one = appends.path("oneThread");
        JsonNode four = appends.path("fourThreads");
        Measurement.Builder store = new Measurement.Builder(String.format(
                "Event store: raw appends, no HTTP (Minga's own H2 event store, one event per transaction, %d s per phase)",
                appendTime.toSeconds()));
        phaseFigures(store, one, "1Thread", "1 thread");
        phaseFigures(store, four, "4Threads", "4 threads, an assembly each");
        store.figure("contextStartSeconds", Figure.of("Minga's Spring context starting (empty data directory, in the runner)",
                        round1(appends.path("contextStartSeconds").asDouble()), "s"))
                .detail("readBack", one.path("readBack").asBoolean() && four.path("readBack").asBoolean()
                        ? "every thread's stream read back to its last event" : "**a stream read back short of what was appended**")
                .note("Appended by Minga's own code: minga.jar started with Spring Boot's PropertiesLauncher "
                        + "(loader.main=" + StoreRunner.MAIN_CLASS + ", this module's classes on loader.path), Minga's Spring context on a "
                        + "fresh data directory, its event processors shut down, then EventStore.publish in a unit of work with Minga's "
                        + "transaction manager: one NeedPieceRevisedEvent (aggregate type Assembly, trace and correlation ids) per transaction.")
                .note("After " + Figure.format(appends.path("warmupSeconds").asDouble()) + " s of warmup on 1 thread (not counted). "
                        + "With 4 threads each appends to its own assembly's stream.")
                .note("The runner's CPU and other processes' CPU are over the same phase: on shared cores, "
                        + "what others took is missing from these figures.");
        return store.build();
    }

    private static void phaseFigures(Measurement.Builder store, JsonNode phase, String suffix, String threads) {
        store.figure("appendsPerSecond" + suffix, Figure.of("appends/s, " + threads, round1(phase.path("appendsPerSecond").asDouble()), "/s"))
                .figure("appends" + suffix, Figure.of("events appended, " + threads, phase.path("appends").asLong(), ""))
                .figure("appendLatencyP50Ms" + suffix, Figure.of("append latency p50, " + threads, phase.path("latencyP50Ms").asDouble(), "ms"))
                .figure("appendLatencyP99Ms" + suffix, Figure.of("append latency p99, " + threads, phase.path("latencyP99Ms").asDouble(), "ms"))
                .figure("runnerCpuCores" + suffix, Figure.of("runner CPU, " + threads + " (cores busy)", phase.path("ownCpuCores").asDouble(), "cores"))
                .figure("otherCpuCores" + suffix, phase.has("otherCpuCores")
                        ? Figure.of("other processes' CPU, " + threads + " (cores busy)", phase.path("otherCpuCores").asDouble(), "cores")
                        : Figure.notMeasured("other processes' CPU, " + threads, "cores", "needs Linux's /proc/stat"));
    }

    /** The restart measurement, and the assembly depth measured on its last Minga. */
    private record Restarted(Measurement restart, Measurement assemblyDepth) {
    }

    private static Restarted restart(Path jar, String heap, Path outDir, int storedEvents, int deepEvents, Path dataDir) {
        log("Building a data directory of at least " + storedEvents + " events, with a deep assembly of " + deepEvents
                + ", through Minga's commands (in-process)");
        JsonNode dataset = StoreRunnerProcess.run(jar, heap, StoreRunner.DATASET, dataDir, List.of((long) storedEvents, (long) deepEvents),
                outDir.resolve("restart-dataset.json"), outDir.resolve("restart-dataset.log"), DATASET_LIMIT);
        long events = dataset.path("eventsStored").asLong();
        long eventsBytes = size(dataDir.resolve(EVENTS_FILE));
        long readModelBytes = size(dataDir.resolve(READ_MODELS_FILE));

        log("Starting Minga on " + events + " events after a clean stop");
        long cleanStarted = System.nanoTime();
        MingaProcess clean = MingaProcess.startOn(jar, heap, dataDir, outDir.resolve("minga-restart-clean.log"));
        Duration cleanReady;
        OptionalLong cleanCaughtUp;
        long killedAt;
        try {
            cleanReady = clean.startToReady();
            cleanCaughtUp = awaitReadModels(clean, cleanStarted);
            log("SIGKILL, and starting again");
            killedAt = System.nanoTime();
            clean.kill();
        } finally {
            clean.close();
        }
        MingaProcess killed = MingaProcess.startOn(jar, heap, dataDir, outDir.resolve("minga-restart-sigkill.log"));
        Duration killToReady;
        OptionalLong killToCaughtUp;
        try {
            killToReady = Duration.ofNanos(System.nanoTime() - killedAt);
            killToCaughtUp = awaitReadModels(killed, killedAt);
        } finally {
            killed.close();
        }

        log("Deleting " + READ_MODELS_FILE + " and starting again: every read model rebuilds from the events");
        deleteFile(dataDir.resolve(READ_MODELS_FILE));
        long rebuildStarted = System.nanoTime();
        MingaProcess rebuilt = MingaProcess.startOn(jar, heap, dataDir, outDir.resolve("minga-restart-rebuild.log"));
        Duration rebuildReady;
        OptionalLong rebuildCaughtUp;
        Measurement assemblyDepth;
        try {
            rebuildReady = rebuilt.startToReady();
            rebuildCaughtUp = awaitReadModels(rebuilt, rebuildStarted);
            if (rebuildCaughtUp.isPresent()) {
                log("Assembly depth: " + dataset.path("deepAssemblyEvents").asLong() + " events against "
                        + dataset.path("shallowAssemblyEvents").asLong() + ", over HTTP");
                MingaApi api = new MingaApi(rebuilt.baseUri(), MingaApi.newClient("bench-depth", 1));
                assemblyDepth = AssemblyDepthRun.measure(api, Credential.bearer(rebuilt.createToken(api)), dataset);
            } else {
                assemblyDepth = AssemblyDepthRun.notMeasured("the rebuilt read models had not caught up after "
                        + CATCH_UP_LIMIT.toMinutes() + " min");
            }
        } finally {
            rebuilt.close();
        }

        Measurement.Builder restart = new Measurement.Builder(String.format("Restart with %,d events stored", events));
        restart.figure("eventsStored", Figure.of("events stored (DomainEventEntry rows)", events, ""))
                .figure("eventsFileMiB", Figure.of("size of " + EVENTS_FILE + " (events, snapshots, tokens) after a clean stop",
                        mebibytes(eventsBytes), "MiB"))
                .figure("readModelsFileMiB", Figure.of("size of " + READ_MODELS_FILE + " (read models and their tokens) after a clean stop",
                        mebibytes(readModelBytes), "MiB"))
                .figure("eventsFileRunningMiB", Figure.of("size of " + EVENTS_FILE + " while Minga runs, read models caught up "
                        + "(before the clean stop)", mebibytes(dataset.path("eventsFileBytesRunning").asLong()), "MiB"))
                .figure("readModelsFileRunningMiB", Figure.of("size of " + READ_MODELS_FILE + " while Minga runs, read models caught up "
                        + "(before the clean stop)", mebibytes(dataset.path("readModelsFileBytesRunning").asLong()), "MiB"))
                .figure("startToReadyMs", Figure.of("start to ready with these events (after a clean stop)", cleanReady.toMillis(), "ms"))
                .figure("startToCaughtUpMs", caughtUp("start to read models caught up (after a clean stop)", cleanCaughtUp))
                .figure("sigkillToReadyMs", Figure.of("SIGKILL to ready (idle Minga killed, started again at once)", killToReady.toMillis(), "ms"))
                .figure("sigkillToCaughtUpMs", caughtUp("SIGKILL to read models caught up (minga_processor_lag_events = 0)", killToCaughtUp))
                .figure("rebuildStartToReadyMs", Figure.of("start to ready without " + READ_MODELS_FILE, rebuildReady.toMillis(), "ms"))
                .figure("rebuildMs", caughtUp("time to rebuild every read model from these events (start without "
                        + READ_MODELS_FILE + " to lag 0)", rebuildCaughtUp))
                .figure("datasetEventsPerSecond", Figure.of("events/s while building the data set through Minga's commands (info)",
                        round1(dataset.path("eventsPerSecond").asDouble()), "/s"))
                .figure("datasetBuildSeconds", Figure.of("building the data set (info)", round1(dataset.path("buildSeconds").asDouble()), "s"))
                .figure("datasetCatchUpSeconds", Figure.of("read models catching up after the build (info)",
                        round1(dataset.path("catchUpSeconds").asDouble()), "s"))
                .detail("dataset", String.format("%d assemblies of %d tables, then %d of %d events and one of %d for the assembly depth; "
                                + "%d commands, %d events (%d expected), %d snapshots; "
                                + "%.2f cores busy in the runner and %.2f in other processes while building",
                        dataset.path("assemblies").asInt(), dataset.path("tablesPerAssembly").asInt(),
                        dataset.path("shallowAssemblyIds").size(), dataset.path("shallowAssemblyEvents").asLong(),
                        dataset.path("deepAssemblyEvents").asLong(), dataset.path("commands").asLong(),
                        events, dataset.path("expectedEvents").asLong(), dataset.path("snapshotsStored").asLong(),
                        dataset.path("buildOwnCpuCores").asDouble(), dataset.path("buildOtherCpuCores").asDouble()))
                .note("The data set is built inside minga.jar (PropertiesLauncher, " + StoreRunner.MAIN_CLASS + ") with Minga's commands "
                        + "through its CommandGateway, no HTTP, processors running: each assembly as in the live room (25 tables of two, "
                        + "schedule, registrations, split, needs step, two needs per table) plus " + dataset.path("revisionsPerNeed").asInt()
                        + " revisions of every need; then the assembly depth's shallow assemblies (no revisions) and its deep one "
                        + "(revisions round the tables, one command at a time); then the read models catch up and Minga's context "
                        + "closes as a clean stop does.")
                .note("Ready is the readiness probe answering 200; caught up is minga_processor_lag_events = 0 for every read model "
                        + "(asked every " + POLL.toMillis() + " ms with an API token made once ready). SIGKILL times run from the signal.")
                .note("Deleting " + READ_MODELS_FILE + " leaves the registry (registry.mv.db) as it was: only the five read models "
                        + "rebuild from the events.");
        return new Restarted(restart.build(), assemblyDepth);
    }

    /** Nanoseconds from {@code fromNanos} until every read model has caught up; empty when it did not within the limit. */
    private static OptionalLong awaitReadModels(MingaProcess minga, long fromNanos) {
        MingaApi api = new MingaApi(minga.baseUri(), MingaApi.newClient("bench-restart", 1));
        Credential facilitator = Credential.bearer(minga.createToken(api));
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            long lag;
            try {
                lag = PrometheusText.fetch(api, facilitator).processorLag();
            } catch (RuntimeException busy) {
                lag = -1;
            }
            if (lag == 0) {
                return OptionalLong.of(System.nanoTime() - fromNanos);
            }
            MingaProcess.sleep(POLL);
        }
        return OptionalLong.empty();
    }

    private static Figure caughtUp(String label, OptionalLong nanos) {
        return nanos.isPresent()
                ? Figure.of(label, nanos.getAsLong() / 1_000_000, "ms")
                : Figure.notMeasured(label, "ms", "the read models had not caught up after " + CATCH_UP_LIMIT.toMinutes() + " min");
    }

    /** Runs {@code work} on a new temporary directory, deleted afterwards whatever happens. */
    private static <T> T withFreshDataDir(String prefix, Function<Path, T> work) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory", e);
        }
        try {
            return work.apply(dataDir);
        } finally {
            MingaProcess.deleteRecursively(dataDir);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("No " + file.getFileName() + " in the data directory", e);
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private static double mebibytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024) * 10) / 10.0;
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * The three measurements on their own, into {@code out}'s report.json and report.md: {@code events=100000
     * deepEvents=10000 appendSeconds=10 heap=-Xmx1g out=target/bench-store jar=../facilitation-ui/target/minga.jar}.
     */
    public static void main(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("events", "100000", "deepEvents", "10000", "appendSeconds", "10", "heap", "-Xmx1g",
                "out", "target/bench-store", "jar", "../facilitation-ui/target/minga.jar"));
        for (String arg : args) {
            int at = arg.indexOf('=');
            if (at < 1 || !settings.containsKey(arg.substring(0, at))) {
                throw new IllegalArgumentException("Unknown setting " + arg + "; known: " + settings.keySet());
            }
            settings.put(arg.substring(0, at), arg.substring(at + 1));
        }
        Path out = Path.of(settings.get("out"));
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long started = System.nanoTime();
        EventStoreFigures figures = measure(Path.of(settings.get("jar")), settings.get("heap"), out,
                Integer.parseInt(settings.get("events")), Integer.parseInt(settings.get("deepEvents")), Duration.ofSeconds(Long.parseLong(settings.get("appendSeconds"))));
        Report report = figures.addTo(new Report("Minga benchmark: event store, restarts and assembly depth", date,
                "java -cp <benchmark classpath> " + EventStoreRun.class.getName() + " " + String.join(" ", args), Machine.describe(),
                "minga.jar started by the harness: java " + settings.get("heap") + ", data directories of its own", new LinkedHashMap<>()));
        System.out.println(ReportWriter.write(report, out));
        log("Done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s; written to "
                + out.toAbsolutePath().normalize().resolve("report.json") + " and report.md");
    }

    private static void log(String message) {
        System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
