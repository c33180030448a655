package org.minga.benchmark;

import java.time.Duration;
import java.util.OptionalDouble;

import org.minga.benchmark.PhoneLoad.Window;

/**
 * The figures of a room's rhythm: the tables' pieces, every one sent inside the burst after its
 * step opened, with their peak rates, latencies and errors against the targets; and the
 * facilitators' step openings on their own, so a slow opening shows as such instead of hiding
 * among the pieces.
 */
final class RhythmFigures {

    /** What the phase observed besides its two command logs. */
    record Observed(RoomSetup.Rooms rooms, LiveRoomBenchmark.CatchUp catchUp, Duration connecting, BoardViewers.Counts viewers,
                    OptionalDouble mingaCores) {
    }

    private final BenchmarkSettings settings;
    private final RoomRhythm rhythm;
    private final CommandLog pieces;
    private final CommandLog openings;
    private final Window window;
    private final Observed observed;

    RhythmFigures(BenchmarkSettings settings, RoomRhythm rhythm, CommandLog pieces, CommandLog openings, Window window, Observed observed) {
        this.settings = settings;
        this.rhythm = rhythm;
        this.pieces = pieces;
        this.openings = openings;
        this.window = window;
        this.observed = observed;
    }

    /** A phase that could not run to its end (its setup refused, say): no figures, a missed target, and why. */
    static Measurement failed(RuntimeException cause) {
        return new Measurement.Builder("A room's rhythm: did not run to its end")
                .figure("errors", Figure.missing("tables' command errors", "", Target.exactly(0), "the phase failed: " + cause.getMessage()))
                .note("The phase stopped with " + cause + "; the figures before it stand. minga.log has Minga's side.")
                .build();
    }

    Measurement measurement() {
        RoomRhythm.Shape shape = rhythm.shape();
        LoadTally tally = new LoadTally(pieces, window);
        LatencyRecorder.Summary commands = tally.commandLatency.summary();
        LatencyRecorder.Summary viewers = tally.viewerLatency.summary();
        // Every opening is due inside the pieces' window: the first at its start, the last before its own pieces.
        LoadTally opened = new LoadTally(openings, window);
        LatencyRecorder.Summary openingLatency = opened.commandLatency.summary();
        BoardViewers.Counts streams = observed.viewers();
        long[] due = new long[pieces.sentCount()];
        for (int seq = 0; seq < due.length; seq++) {
            due[seq] = pieces.due(seq);
        }

        Measurement.Builder rhythmFigures = new Measurement.Builder(String.format(
                "A room's rhythm: %d fresh assemblies × %d tables × %d viewers, started over %d s, a step every %d s, "
                        + "each step's pieces within %d s of its opening",
                shape.assemblies(), shape.tables(), settings.viewersPerAssembly(), shape.stagger().toSeconds(), shape.gap().toSeconds(),
                shape.burst().toSeconds()));
        rhythmFigures.figure("setupSeconds", Figure.of("setup of the fresh assemblies through the API (not part of the load)",
                        LiveRoomFigures.seconds(observed.rooms().took()), "s"))
                .figure("readModelsCatchUpSeconds", Figure.of("read models catching up before the first step opened",
                        LiveRoomFigures.seconds(observed.catchUp().took()), "s"))
                .figure("viewersConnectSeconds", Figure.of("opening the fresh assemblies' live-board streams", LiveRoomFigures.seconds(observed.connecting()), "s"))
                .figure("sseRequested", Figure.of("SSE connections requested on the fresh assemblies", streams.requested(), ""))
                .figure("sseHeld", Figure.against("of those, held (first board received)", streams.held(), "", Target.atLeast(streams.requested())))
                .figure("sseDropped", Figure.against("of those, dropped during the phase", streams.dropped(), "", Target.exactly(0)))
                .figure("phaseSeconds", Figure.of("from the first step opened to the last piece due", LiveRoomFigures.seconds(Duration.ofNanos(window.end() - window.start())), "s"))
                .figure("commandsSent", Figure.of("tables' commands sent, every one inside a burst", tally.sent, ""))
                .figure("commandsSucceeded", Figure.of("tables' commands answered 2xx", tally.succeeded, ""))
                .figure("peakPerSecond1s", Figure.of("most tables' commands due in any 1 s", RoomRhythm.peak(due, Duration.ofSeconds(1)), "/s"))
                .figure("peakPerSecond10s", Figure.of("most tables' commands due in any 10 s, per second",
                        RoomRhythm.peak(due, Duration.ofSeconds(10)) / 10.0, "/s"))
                .figure("commandLatencyP50Ms", LiveRoomFigures.latency("command latency p50, inside the bursts", commands.count(), commands.p50(), null))
                .figure("commandLatencyP99Ms", LiveRoomFigures.latency("command latency p99, inside the bursts", commands.count(), commands.p99(),
                        Target.atMost(LoadTally.COMMAND_P99_TARGET_MS)))
                .figure("commandLatencyMaxMs", LiveRoomFigures.latency("command latency max, inside the bursts", commands.count(), commands.max(), null))
                .figure("viewerLatencyP50Ms", LiveRoomFigures.latency("command → first viewer p50, inside the bursts", viewers.count(), viewers.p50(), null))
                .figure("viewerLatencyP99Ms", LiveRoomFigures.latency("command → first viewer p99, inside the bursts", viewers.count(), viewers.p99(),
                        Target.atMost(LoadTally.VIEWER_P99_TARGET_MS)))
                .figure("viewerLatencyMaxMs", LiveRoomFigures.latency("command → first viewer max, inside the bursts", viewers.count(), viewers.max(), null))
                .figure("markedCommands", Figure.of("commands answered 2xx whose change carries a marker (needs, solutions, work plans)",
                        tally.markedSucceeded, ""))
                .figure("unseenCommands", Figure.against("of those, commands no viewer saw within " + LoadTally.SEEN_WITHIN.toSeconds() + " s",
                        tally.unseen, "", Target.exactly(0)))
                .figure("errors", Figure.against("tables' command errors (non-2xx and exceptions)", tally.errorCount(), "", Target.exactly(0)))
                .figure("stepOpenings", Figure.of("steps opened by the facilitators", opened.sent, ""))
                .figure("stepOpeningLatencyP50Ms", LiveRoomFigures.latency("step opening latency p50", openingLatency.count(), openingLatency.p50(), null))
                .figure("stepOpeningLatencyP99Ms", LiveRoomFigures.latency("step opening latency p99", openingLatency.count(), openingLatency.p99(), null))
                .figure("stepOpeningErrors", Figure.against("step opening errors", opened.errorCount(), "", Target.exactly(0)))
                .figure("mingaCpuCores", observed.mingaCores().isPresent()
                        ? Figure.of("Minga CPU from the first step opened to the last answer (cores busy)", observed.mingaCores().getAsDouble(), "cores")
                        : Figure.notMeasured("Minga CPU during the phase", "cores", "Minga not started by the harness"))
                .figure("generatorLagP99Ms", Figure.of("generator lag p99 (sent after due)", LatencyRecorder.millis(tally.generatorLag.percentile(99)), "ms"));
        rhythmFigures.detail("commandsByKind", tally.byKind())
                .detail("errorsByStatus", tally.errors)
                .detail("stepOpeningErrorsByStatus", opened.errors)
                .detail("planned", String.format("%d tables' commands and %d step openings, seed %d", rhythm.pieces(), rhythm.openings(), shape.seed()))
                .detail("sseFailures", streams.failures())
                .detail("setupIncidents", observed.rooms().incidents().isEmpty() ? "none" : String.join("; ", observed.rooms().incidents()))
                .note("After the main load, with its viewers still connected, fresh assemblies (scheduled, registered, split into tables of "
                        + "two, a projector link; no step open) walk the method's steps in order: needs, solutions, work plan, spokespeople. "
                        + "Each assembly's facilitator opens its first step at a moment spread evenly over the stagger, and each next step "
                        + "the gap after the one before (POST …/steps/{step}/open, Bearer token).")
                .note("Within the burst after a step opens, each table sends that step's pieces with its join code: its one or two needs "
                        + "(POST …/needs), a solution on each (PUT …/needs/{p}/solution), a work plan on each (PUT …/needs/{p}/work-plan), "
                        + "then its spokesperson and the pin (PUT …/spokesperson, POST …/pin). "
                        + Math.round(RoomRhythm.TABLES_IN_FRONT * 100) + " % of the tables start in the first third of the burst, the rest "
                        + "after; none earlier than 1/60 of the burst after the opening, and a table's second piece follows its first "
                        + "after 1/30 to 1/10 of the burst. Moments are drawn from a seeded random generator: the same settings send the "
                        + "same schedule.")
                .note("Open-loop, as the main load: each command goes at its due time whether or not earlier ones were answered, even the "
                        + "pieces of a step whose opening is still unanswered (then refused step.closed). Latencies count from when a "
                        + "command was due. The peaks count commands due, i.e. what the hall asked of Minga, not what it answered.");
        return rhythmFigures.build();
    }
}
