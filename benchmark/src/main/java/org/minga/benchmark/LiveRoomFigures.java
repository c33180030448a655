package org.minga.benchmark;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import org.minga.benchmark.PhoneLoad.Window;

/**
 * Turns what the live room recorded into the figures of the issue, counting only commands due in
 * the measured window (after the warmup). Latencies count from when a command was due, not from
 * when the generator got round to it, so a late generator adds to them instead of hiding a slow
 * Minga; the generator's own lag is reported next to them.
 */
final class LiveRoomFigures {

    /** What the run observed besides the command log, each empty when it could not be observed. */
    record Observed(RoomSetup.Rooms rooms, LiveRoomBenchmark.CatchUp catchUp, Duration connecting, BoardViewers.Counts viewers, MingaReadings minga,
                    HeapDuringLoad heap, OptionalDouble mingaCores, double harnessCores, OptionalDouble machineCores,
                    double loadAverageAfter) {
    }

    /** Issue 18, target 4: heap allocated per command at 3,000 viewers, in KB of 1,000 bytes. */
    static final double ALLOCATED_PER_COMMAND_TARGET_KB = 250;
    /** Issue 18, target 4: the longest GC pause of the load. */
    static final double GC_PAUSE_TARGET_MS = 20;
    /** Issue 18: the heap with 3,000 viewers connected. */
    static final double HEAP_TARGET_MIB = 512;

    private final BenchmarkSettings settings;
    private final CommandLog log;
    private final Window window;
    private final Observed observed;

    LiveRoomFigures(BenchmarkSettings settings, CommandLog log, Window window, Observed observed) {
        this.settings = settings;
        this.log = log;
        this.window = window;
        this.observed = observed;
    }

    Measurement measurement() {
        LoadTally tally = new LoadTally(log, window);
        LatencyRecorder.Summary commands = tally.commandLatency.summary();
        LatencyRecorder.Summary viewers = tally.viewerLatency.summary();
        BoardViewers.Counts streams = observed.viewers();

        Measurement.Builder live = new Measurement.Builder(String.format(
                "Live room: %d assemblies × %d tables × %d viewers, %d commands/s for %d s (after %d s warmup)",
                settings.assemblies(), settings.tablesPerAssembly(), settings.viewersPerAssembly(), settings.commandsPerSecond(),
                settings.duration().toSeconds(), settings.warmup().toSeconds()));
        live.figure("setupSeconds", Figure.of("setup through the API (not part of the load)", seconds(observed.rooms().took()), "s"))
                .figure("readModelsCatchUpSeconds", Figure.of("read models catching up before the load (with the setup and any rate ladder)",
                        seconds(observed.catchUp().took()), "s"))
                .figure("readModelLagAtLoadStart", Figure.of("events the furthest read model was behind when the load started (-1 unknown)",
                        observed.catchUp().lagLeft(), ""))
                .figure("viewersConnectSeconds", Figure.of("opening every live-board stream", seconds(observed.connecting()), "s"))
                .figure("commandsSent", Figure.of("commands sent", tally.sent, ""))
                .figure("commandsSucceeded", Figure.of("commands answered 2xx", tally.succeeded, ""))
                .figure("commandsPerSecond", Figure.against("commands/s sustained (2xx answered in the window)", tally.perSecond, "/s",
                        Target.atLeast(LoadTally.SUSTAINED_SHARE * settings.commandsPerSecond())))
                .figure("commandLatencyP50Ms", latency("command latency p50", commands.count(), commands.p50(), null))
                .figure("commandLatencyP95Ms", latency("command latency p95", commands.count(), commands.p95(), null))
                .figure("commandLatencyP99Ms", latency("command latency p99", commands.count(), commands.p99(), Target.atMost(LoadTally.COMMAND_P99_TARGET_MS)))
                .figure("commandLatencyMaxMs", latency("command latency max", commands.count(), commands.max(), null))
                .figure("viewerLatencyP50Ms", latency("command → first viewer p50", viewers.count(), viewers.p50(), null))
                .figure("viewerLatencyP99Ms", latency("command → first viewer p99", viewers.count(), viewers.p99(), Target.atMost(LoadTally.VIEWER_P99_TARGET_MS)))
                .figure("viewerLatencyMaxMs", latency("command → first viewer max", viewers.count(), viewers.max(), null))
                .figure("markedCommands", Figure.of("commands answered 2xx whose change carries a marker (needs, solutions, work plans)",
                        tally.markedSucceeded, ""))
                .figure("unseenCommands", Figure.against("of those, commands no viewer saw within " + LoadTally.SEEN_WITHIN.toSeconds() + " s",
                        tally.unseen, "", Target.exactly(0)))
                .figure("errors", Figure.against("command errors (non-2xx and exceptions)", tally.errorCount(), "", Target.exactly(0)))
                .figure("sseRequested", Figure.of("SSE connections requested", streams.requested(), ""))
                .figure("sseHeld", Figure.against("SSE connections held (first board received)", streams.held(), "", Target.atLeast(streams.requested())))
                .figure("sseDropped", Figure.against("SSE connections dropped (rate ladder and load)", streams.dropped(), "", Target.exactly(0)))
                .figure("sseServerCount", observed.minga().boardViewers().isPresent()
                        ? Figure.of("live-board streams Minga counts (minga_board_viewers)", observed.minga().boardViewers().getAsLong(), "")
                        : Figure.notMeasured("live-board streams Minga counts (minga_board_viewers)", "", observed.minga().whyNot()))
                .figure("boardEvents", Figure.of("board events received by all viewers during the load", streams.events(), ""))
                .figure("revisionGaps", Figure.of("board revisions viewers missed during the load (gaps; a page reloads the board)", streams.revisionGaps(), ""))
                .figure("heapAfterGcMiB", observed.minga().heapAfterGcBytes().isPresent()
                        ? Figure.against("Minga heap used after GC, viewers still connected",
                                observed.minga().heapAfterGcBytes().getAsLong() / (1024.0 * 1024), "MiB", Target.atMost(HEAP_TARGET_MIB))
                        : Figure.missing("Minga heap used after GC", "MiB", Target.atMost(HEAP_TARGET_MIB), observed.minga().whyNot()))
                .figure("heapAllocatedPerCommandKB", allocatedPerCommand())
                .figure("allocationRateMBps", allocationRate())
                .figure("gcPauses", gcPauseCount())
                .figure("gcPauseP50Ms", gcPause("GC pause p50 during the load", GcLog.Pauses::p50Ms, null))
                .figure("gcPauseMaxMs", gcPause("longest GC pause during the load", GcLog.Pauses::longestMs, Target.atMost(GC_PAUSE_TARGET_MS)))
                .figure("mingaCpuCores", observed.mingaCores().isPresent()
                        ? Figure.of("Minga CPU during the load (cores busy)", observed.mingaCores().getAsDouble(), "cores")
                        : Figure.notMeasured("Minga CPU during the load", "cores", "Minga not started by the harness"))
                .figure("harnessCpuCores", Figure.of("harness CPU during the load (cores busy)", observed.harnessCores(), "cores"))
                .figure("otherCpuCores", otherCores())
                .figure("loadAverageAfter", Figure.of("machine load average (1 min) at the end of the load", observed.loadAverageAfter(), ""))
                .figure("generatorLagP99Ms", Figure.of("generator lag p99 (sent after due)", LatencyRecorder.millis(tally.generatorLag.percentile(99)), "ms"))
                .figure("generatorLagMaxMs", Figure.of("generator lag max", LatencyRecorder.millis(tally.generatorLag.max()), "ms"))
                .figure("generatorLateCommands", Figure.of("commands the generator sent > 5 ms late", tally.late, ""));
        live.detail("commandsByKind", tally.byKind())
                .detail("errorsByStatus", tally.errors)
                .detail("sseFailures", streams.failures())
                .detail("tables", observed.rooms().tables() + " in all (" + settings.assemblies() + " assemblies)")
                .detail("setupRetries", observed.rooms().readModelRetries()
                        + " (requests asked again while a read model caught up, e.g. a projector link answered 404)")
                .detail("gcCollector", observed.heap().pauses().map(pauses -> pauses.collector() + " (JVM options: " + settings.heap()
                        + "; GC log minga.gc.log next to minga.log)").orElse("not known: " + observed.heap().pausesWhyNot()))
                .detail("setupIncidents", observed.rooms().incidents().isEmpty() ? "none" : String.join("; ", observed.rooms().incidents()))
                .note("Commands go open-loop round every table of every assembly, each sent by the table's phone (header "
                        + "X-Minga-Table-Code). Assemblies are dealt round four steps of the method, and each table sends its step's command: "
                        + "needs step, a need's new text (PUT …/needs/{p}); solutions, a solution (PUT …/needs/{p}/solution); work plan, "
                        + "a work plan (PUT …/needs/{p}/work-plan); spokespeople, a new spokesperson (PUT …/spokesperson), and the pin "
                        + "(POST …/pin) as each table's last command of this load.")
                .note("Viewer 0 of each assembly is its projector (share link, X-Minga-Link); the others are table phones (join codes). "
                        + "Command → viewer is the time from a command being due to the first viewer receiving the table event with its marker "
                        + "(over every succeeded command a viewer saw before the harness stopped watching, however late). Elections and pins "
                        + "change no text, so they carry no marker: they count in command latency and errors, not in command → viewer.")
                .note("Latencies count from when a command was due, so the generator's lag is inside them, not hidden.")
                .note("Heap allocated per command and the allocation rate cover the whole load (warmup and measured window) and every "
                        + "command sent to Minga in it: Micrometer's jvm_gc_memory_allocated_bytes_total plus the growth since the last collection of "
                        + "the pool it counts (the eden; ZGC's whole heap), read right before and right after the load, so also what Minga allocated for the live boards, the read models and anything else running. "
                        + "1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes.")
                .note("GC pauses are the lines of Minga's GC log (-Xlog:gc,gc+phases) written during the load, each pause as long as the "
                        + "log says (the collector's own time, not the time threads took to reach the safepoint); the full collection the "
                        + "harness forces afterwards to read the heap is not among them. Choose the collector with heap=, e.g. "
                        + "heap='-Xmx1g -XX:+UseZGC'.")
                .note("The harness shares the machine's cores with Minga; its own CPU, and what other processes took, are shown above. "
                        + "The load average also counts threads waiting for a core.");
        return live.build();
    }

    private Figure allocatedPerCommand() {
        String label = "heap allocated per command during the load (1 KB = 1,000 bytes; issue 18: ≤ 250 KB)";
        HeapDuringLoad heap = observed.heap();
        if (heap.allocatedBytes().isEmpty()) {
            return Figure.notMeasured(label, "KB", heap.allocationWhyNot());
        }
        if (heap.commands() == 0) {
            return Figure.missing(label, "KB", Target.atMost(ALLOCATED_PER_COMMAND_TARGET_KB), "no command reached Minga");
        }
        return Figure.against(label, heap.allocatedBytes().getAsLong() / 1000.0 / heap.commands(), "KB",
                Target.atMost(ALLOCATED_PER_COMMAND_TARGET_KB));
    }

    private Figure allocationRate() {
        String label = "heap allocation rate during the load (1 MB = 1,000,000 bytes)";
        HeapDuringLoad heap = observed.heap();
        if (heap.allocatedBytes().isEmpty()) {
            return Figure.notMeasured(label, "MB/s", heap.allocationWhyNot());
        }
        return Figure.of(label, heap.allocatedBytes().getAsLong() / 1e6 / (heap.length().toNanos() / 1e9), "MB/s");
    }

    private Figure gcPauseCount() {
        String label = "GC pauses during the load";
        HeapDuringLoad heap = observed.heap();
        return heap.pauses().isPresent() ? Figure.of(label, heap.pauses().get().count(), "")
                : Figure.notMeasured(label, "", heap.pausesWhyNot());
    }

    /** A length of the load's GC pauses; with no pause at all the longest is 0 ms, and there is no p50 to give. */
    private Figure gcPause(String label, ToDoubleFunction<GcLog.Pauses> millis, Target target) {
        HeapDuringLoad heap = observed.heap();
        if (heap.pauses().isEmpty()) {
            return Figure.notMeasured(label, "ms", heap.pausesWhyNot());
        }
        GcLog.Pauses pauses = heap.pauses().get();
        if (pauses.count() == 0) {
            String none = "no GC pause during the load";
            return target == null ? Figure.notMeasured(label, "ms", none) : new Figure(label, 0, "ms", target, "pass", none);
        }
        return target == null ? Figure.of(label, millis.applyAsDouble(pauses), "ms")
                : Figure.against(label, millis.applyAsDouble(pauses), "ms", target);
    }

    /** What the machine's cores did during the load besides Minga and the harness: another engineer's build, say. */
    private Figure otherCores() {
        String label = "other processes' CPU during the load (cores busy)";
        if (observed.machineCores().isEmpty() || observed.mingaCores().isEmpty()) {
            return Figure.notMeasured(label, "cores", "needs /proc/stat and a Minga started by the harness");
        }
        double other = observed.machineCores().getAsDouble() - observed.mingaCores().getAsDouble() - observed.harnessCores();
        return Figure.of(label, Math.max(0, other), "cores");
    }

    /** A latency over {@code count} commands; with none there is no latency to give, and a target is missed. */
    static Figure latency(String label, int count, double millis, Target target) {
        if (count == 0) {
            String why = "no command to measure it on";
            return target == null ? Figure.notMeasured(label, "ms", why) : Figure.missing(label, "ms", target, why);
        }
        return target == null ? Figure.of(label, millis, "ms") : Figure.against(label, millis, "ms", target);
    }

    static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
