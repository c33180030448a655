package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.minga.benchmark.PhoneLoad.Window;
import org.minga.benchmark.RoomSetup.Rooms;

/**
 * The live-room benchmark of issue 7: K assemblies of T tables, their phones sending the method's
 * commands at R a second in all, V projectors and phones per assembly watching each board live;
 * against a Minga it starts (embedded, a JVM of its own) or the one at {@code url=}. Before that
 * load, a ladder of short loads finds the highest rate that still meets the latency targets; after
 * it, a room's rhythm on fresh assemblies (steps opened one after another, each with a burst of
 * the tables' pieces, {@link RoomRhythm}); then, with Minga stopped, the event store's own limit
 * (raw appends), restarts with many events stored, and a 10,000-event assembly
 * ({@link EventStoreRun}), and end-to-end commands a second against that limit.
 *
 * <pre>
 * ./mvnw -B -Pbench -pl benchmark -am -DskipTests verify -Dbench.args="assemblies=20 rate=200"
 * </pre>
 *
 * Settings are {@code key=value} arguments or {@code -Dbench.key=value}, listed with their defaults
 * in {@link BenchmarkSettings}. Writes report.json and report.md into {@code out}.
 */
public final class LiveRoomBenchmark {

    /** How a run is reproduced: the Maven command, with every setting spelled out. */
    static final String COMMAND = "./mvnw -B -Pbench -pl benchmark -am -DskipTests verify -Dbench.args=\"%s\"";
    static final String LIMIT = "limit";
    static final String RHYTHM = "rhythm";
    /** Every command is answered or has timed out by then. */
    private static final Duration DRAIN_LIMIT = MingaApi.REQUEST_TIMEOUT.plusSeconds(5);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(3);

    private LiveRoomBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkSettings settings = BenchmarkSettings.parse(args, System.getProperties());
        Report report = run(settings);
        System.out.println(ReportWriter.write(report, settings.outputDir()));
        System.out.println(report.missedAnyTarget() ? "Some figures miss their targets (marked **miss** above)." : "Every figure meets its target.");
        System.out.println("Written to " + settings.outputDir().toAbsolutePath().normalize().resolve("report.json") + " and report.md");
    }

    /** Runs the whole benchmark and answers its report (not yet written). */
    public static Report run(BenchmarkSettings settings) {
        Machine machine = Machine.describe();
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            Files.createDirectories(settings.outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + settings.outputDir(), e);
        }
        if (settings.storeEvents() > 0 && !Files.isRegularFile(settings.jar())) {
            // Before the live room, not after it: its figures would be lost with the run.
            throw new IllegalStateException("The event-store measurements run inside minga.jar, and there is none at "
                    + settings.jar().toAbsolutePath().normalize() + ": build it (./mvnw -B -DskipTests package), give jar=, "
                    + "or skip them with storeEvents=0");
        }
        if (settings.startsMinga()) {
            log("Starting Minga from " + settings.jar() + " with " + settings.heap());
        }
        MingaProcess minga = settings.startsMinga()
                ? MingaProcess.start(settings.jar(), settings.heap(), settings.outputDir().resolve("minga.log"))
                : null;
        Report report = new Report("Minga benchmark", date, String.format(COMMAND, settings.asArguments()), machine,
                minga == null ? "given by url " + settings.url().orElseThrow() + " (not started by the harness)"
                        : "embedded, started by the harness: java " + settings.heap() + " " + MingaProcess.gcLogOption(minga.gcLog().getFileName().toString())
                                + " -jar minga.jar, fresh data directory",
                new LinkedHashMap<>());
        try {
            if (minga != null) {
                report = report.with("start", new Measurement.Builder("Start")
                        .figure("startToReadyMs", Figure.of("start to ready (empty data directory, readiness probe 200)",
                                minga.startToReady().toMillis(), "ms"))
                        .build());
            }
            report = liveRoom(settings, minga, report);
        } finally {
            if (minga != null) {
                log("Stopping Minga");
                minga.close();
            }
        }
        if (settings.storeEvents() > 0) {
            // With the live room's Minga stopped: these figures must not share the cores with it.
            EventStoreFigures store = EventStoreRun.measure(settings.jar(), settings.heap(), settings.outputDir(), settings.storeEvents(),
                    settings.deepEvents(), settings.appendSeconds());
            report = store.addTo(report).with(LIMIT, limit(report.measurements().get("liveRoom"), store));
        }
        return report;
    }

    /** The live room's sustained commands a second against the event store's raw appends a second on one thread. */
    static Measurement limit(Measurement liveRoom, EventStoreFigures store) {
        double endToEnd = liveRoom.figures().get("commandsPerSecond").value().doubleValue();
        double raw = store.rawAppendsPerSecond();
        return new Measurement.Builder("End to end against the event store's limit")
                .figure("commandsPerSecond", Figure.of("live room: commands/s sustained, end to end", endToEnd, "/s"))
                .figure("rawAppendsPerSecond", Figure.of("event store: raw appends/s, 1 thread, no HTTP", raw, "/s"))
                .figure("endToEndShareOfRawPercent", Figure.of("end-to-end commands/s as a share of raw appends/s",
                        raw > 0 ? Math.round(endToEnd / raw * 1000) / 10.0 : 0, "%"))
                .note("Each command appends one event, so this is how much of the event store's own speed reaches a phone through "
                        + "HTTP, security, the aggregate, the read models and the live boards. The live room ran at the rate it was "
                        + "offered, so a share well below 100 % can also mean the rate asked for less than the store could take.")
                .build();
    }

    private static Report liveRoom(BenchmarkSettings settings, MingaProcess minga, Report report) {
        URI base = minga != null ? minga.baseUri() : settings.url().orElseThrow();
        MingaApi setupApi = new MingaApi(base, MingaApi.newClient("bench-setup", 2));
        Credential facilitator = Credential.bearer(minga != null ? minga.createToken(setupApi) : settings.token().orElseThrow());

        log("Setting up " + settings.assemblies() + " assemblies of " + settings.tablesPerAssembly() + " tables");
        String runId = "bench" + Long.toString(System.currentTimeMillis(), 36);
        Rooms rooms = new RoomSetup(setupApi, facilitator).prepare(runId, settings.assemblies(), settings.tablesPerAssembly());
        MingaApi phoneApi = new MingaApi(base, MingaApi.newClient("bench-phones", 2));

        try (BoardViewers viewers = new BoardViewers(new MingaApi(base, MingaApi.newClient("bench-viewers", 2)))) {
            int requested = settings.assemblies() * settings.viewersPerAssembly();
            log("Opening " + requested + " live-board streams");
            long connectStarted = System.nanoTime();
            viewers.open(rooms.rooms(), settings.viewersPerAssembly());
            viewers.awaitHeld(Duration.ofSeconds(30).plusMillis(20L * requested));
            Duration connecting = Duration.ofNanos(System.nanoTime() - connectStarted);

            Logs logs = new Logs(viewers);
            if (!settings.ladder().isEmpty()) {
                Duration rung = settings.ladderWarmup().plus(settings.ladderDuration());
                // A JVM just started compiles its hot code during its first minute of load: without this, the first rung
                // measured that and the climb stopped there (one room missed 10/s cold, then met 5 and 7/s and 50/s warm).
                int firstRate = settings.ladder().get(0);
                log("Warming Minga up: " + firstRate + " commands/s for " + rung.toSeconds() + " s, not measured");
                CommandLog warmUp = logs.next(firstRate, rung);
                drain(warmUp, new PhoneLoad(phoneApi, rooms.rooms(), firstRate, warmUp, false).run(rung, Duration.ZERO));
                List<RateLadder.Step> steps = RateLadder.climb(settings.ladder(), rate -> {
                    log("Waiting for Minga's read models to catch up");
                    awaitReadModels(setupApi, facilitator);
                    log("Rate ladder: " + rate + " commands/s for " + rung.toSeconds() + " s");
                    CommandLog step = logs.next(rate, rung);
                    Window window = new PhoneLoad(phoneApi, rooms.rooms(), rate, step, false).run(settings.ladderWarmup(), settings.ladderDuration());
                    drain(step, window);
                    return new LoadTally(step, window);
                });
                report = report.with("rateLadder", RateLadder.measurement(steps, settings));
            }

            log("Waiting for Minga's read models to catch up");
            CatchUp catchUp = awaitReadModels(setupApi, facilitator);
            BoardViewers.Counts before = viewers.counts();
            CommandLog commands = logs.next(settings.commandsPerSecond(), settings.loadDuration());
            log("Sending " + settings.commandsPerSecond() + " commands/s for " + settings.loadDuration().toSeconds() + " s");
            PhoneLoad phones = new PhoneLoad(phoneApi, rooms.rooms(), settings.commandsPerSecond(), commands, true);
            HeapDuringLoad.Start heapBefore = HeapDuringLoad.start(minga, setupApi, facilitator);
            long harnessCpuBefore = harnessCpuNanos();
            OptionalLong machineCpuBefore = Machine.busyCpuNanos();
            OptionalLong mingaCpuBefore = minga == null ? OptionalLong.empty() : minga.cpuNanos();
            long loadStarted = System.nanoTime();
            Window window = phones.run(settings.warmup(), settings.duration());
            long loadNanos = System.nanoTime() - loadStarted;
            double harnessCores = (harnessCpuNanos() - harnessCpuBefore) / (double) loadNanos;
            OptionalDouble mingaCores = minga == null || mingaCpuBefore.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of((minga.cpuNanos().orElse(0) - mingaCpuBefore.getAsLong()) / (double) loadNanos);
            OptionalLong machineCpuAfter = Machine.busyCpuNanos();
            OptionalDouble machineCores = machineCpuBefore.isEmpty() || machineCpuAfter.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of((machineCpuAfter.getAsLong() - machineCpuBefore.getAsLong()) / (double) loadNanos);
            double loadAverageAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            // Before the drain and the forced collection of MingaReadings: only the load's allocation and pauses count.
            HeapDuringLoad heap = heapBefore.end(setupApi, facilitator, commands.reachedMinga());
            drain(commands, window);

            // Read while every viewer is still connected: the heap then holds what 3,000 open streams cost.
            log("Reading Minga's metrics");
            MingaReadings readings = MingaReadings.read(minga, setupApi, facilitator);
            LiveRoomFigures.Observed observed = new LiveRoomFigures.Observed(rooms, catchUp, connecting, viewers.counts().since(before),
                    readings, heap, mingaCores, harnessCores, machineCores, loadAverageAfter);
            report = report.with("liveRoom", new LiveRoomFigures(settings, commands, window, observed).measurement());
            if (settings.rhythmAssemblies() > 0) {
                // A hall of K rooms has K x V viewers: the main load's hang up before the rhythm's rooms connect theirs.
                viewers.close();
                try {
                    report = report.with(RHYTHM, rhythm(settings, minga, base, setupApi, facilitator, runId, logs));
                } catch (RuntimeException e) {
                    // The main load's figures took most of the run: a rhythm that fails says so in the report instead of losing them.
                    log("Room's rhythm failed: " + e);
                    report = report.with(RHYTHM, RhythmFigures.failed(e));
                }
            }
            return report;
        }
    }

    /**
     * A room's rhythm ({@link RoomRhythm}), after the main load, Minga still running and the main
     * load's viewers gone (the rhythm's rooms bring as many of their own). On fresh assemblies:
     * the main load's have their steps advanced and their spokespeople's tables pinned, so a burst
     * of needs there would be refused. Their setup is lighter than the main load's (no step opened,
     * no piece written: the phase writes them), about 55 requests per assembly against about 175, so
     * as many fresh assemblies as the main load's fit in the phase's few minutes.
     */
    private static Measurement rhythm(BenchmarkSettings settings, MingaProcess minga, URI base, MingaApi setupApi, Credential facilitator,
                                      String runId, Logs logs) {
        log("Room's rhythm: setting up " + settings.rhythmAssemblies() + " fresh assemblies of " + settings.tablesPerAssembly() + " tables");
        Rooms rooms = new RoomSetup(setupApi, facilitator).prepareBeforeTheFirstStep(runId + "-r", settings.rhythmAssemblies(),
                settings.tablesPerAssembly());
        // The split makes the tables; should it make fewer than asked in some assembly, every assembly plays that many.
        int tables = rooms.rooms().stream().mapToInt(room -> room.tables().size()).min().orElseThrow();
        RoomRhythm rhythm = RoomRhythm.plan(RoomRhythm.Shape.of(settings).withTables(tables));
        try (BoardViewers viewers = new BoardViewers(new MingaApi(base, MingaApi.newClient("bench-rhythm-viewers", 2)))) {
            int requested = rooms.rooms().size() * settings.viewersPerAssembly();
            log("Room's rhythm: opening " + requested + " more live-board streams");
            long connectStarted = System.nanoTime();
            viewers.open(rooms.rooms(), settings.viewersPerAssembly());
            viewers.awaitHeld(Duration.ofSeconds(30).plusMillis(20L * requested));
            Duration connecting = Duration.ofNanos(System.nanoTime() - connectStarted);
            log("Waiting for Minga's read models to catch up");
            CatchUp catchUp = awaitReadModels(setupApi, facilitator);

            CommandLog pieces = logs.next(rhythm.pieces(), viewers);
            // Openings carry no marker: no viewer looks for them, so their log needs no markers of its own.
            CommandLog openings = new CommandLog(rhythm.openings(), 0);
            log("Room's rhythm: " + rhythm.openings() + " steps opened and " + rhythm.pieces() + " pieces sent over "
                    + rhythm.shape().span().toSeconds() + " s");
            RhythmLoad load = new RhythmLoad(new MingaApi(base, MingaApi.newClient("bench-rhythm-phones", 2)), facilitator, rooms.rooms(),
                    rhythm, pieces, openings);
            OptionalLong mingaCpuBefore = minga == null ? OptionalLong.empty() : minga.cpuNanos();
            long started = System.nanoTime();
            Window window = load.run();
            drain(pieces, window);
            drain(openings, window);
            long took = System.nanoTime() - started;
            OptionalDouble mingaCores = minga == null || mingaCpuBefore.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of((minga.cpuNanos().orElse(0) - mingaCpuBefore.getAsLong()) / (double) took);
            RhythmFigures.Observed observed = new RhythmFigures.Observed(rooms, catchUp, connecting, viewers.counts(), mingaCores);
            return new RhythmFigures(settings, rhythm, pieces, openings, window, observed).measurement();
        }
    }

    /**
     * The command logs of one run's loads, one after another on the same viewers: each numbers its
     * markers after the last one's, so a late change is never taken for another load's.
     */
    private static final class Logs {

        private final BoardViewers viewers;
        private long nextMarker;

        Logs(BoardViewers viewers) {
            this.viewers = viewers;
        }

        /** The log of the next load, {@code rate} commands/s for {@code length}, which the viewers now watch for. */
        CommandLog next(int rate, Duration length) {
            return next(PhoneLoad.commandsFor(rate, length), viewers);
        }

        /** The log of the next load, {@code commands} long, which {@code watching} now watches for. */
        CommandLog next(int commands, BoardViewers watching) {
            CommandLog log = new CommandLog(commands, nextMarker);
            nextMarker = log.nextFreeMarker();
            watching.watchFor(log);
            return log;
        }
    }

    /** How long Minga's read models took to catch up with the setup, and how far behind they still were (-1: unknown). */
    record CatchUp(Duration took, long lagLeft) {
    }

    /**
     * The phones start once Minga's read models have digested the setup, as in a room where
     * registration and the split end well before the needs step; otherwise the load would also
     * measure a projection still replaying thousands of setup events.
     */
    private static CatchUp awaitReadModels(MingaApi api, Credential facilitator) {
        long started = System.nanoTime();
        long deadline = started + CATCH_UP_LIMIT.toNanos();
        long lag = -1;
        while (System.nanoTime() < deadline) {
            try {
                lag = PrometheusText.fetch(api, facilitator).processorLag();
            } catch (RuntimeException busy) {
                lag = -1;
            }
            if (lag == 0) {
                break;
            }
            MingaProcess.sleep(Duration.ofMillis(500));
        }
        return new CatchUp(Duration.ofNanos(System.nanoTime() - started), lag);
    }

    /**
     * Waits for the last answers, and for viewers to receive the last changes, at most until every
     * command's "seen within 5 s" is decided (and never longer than a request may take).
     */
    private static void drain(CommandLog commands, Window window) {
        long seenDeadline = window.end() + LoadTally.SEEN_WITHIN.toNanos();
        long limit = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < limit) {
            boolean answered = commands.allAnswered();
            if (answered && (commands.allSucceededSeen() || System.nanoTime() > seenDeadline)) {
                return;
            }
            MingaProcess.sleep(Duration.ofMillis(50));
        }
    }

    private static long harnessCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static void log(String message) {
        System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
