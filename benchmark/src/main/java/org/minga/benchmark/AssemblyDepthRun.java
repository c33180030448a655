package org.minga.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 7's assembly-depth figures, over HTTP as phones and an auditor reach Minga, on a Minga
 * whose read models have caught up with the data set {@link EventStoreRun} built: command latency
 * in its deep assembly (thousands of events) against its shallow ones (about a hundred), and the
 * time to rebuild the deep assembly's board as it stood at its last event, as the auditor's time
 * travel does.
 */
final class AssemblyDepthRun {

    static final double LATENCY_RATIO_TARGET = 1.2;
    static final double BOARD_REBUILD_TARGET_MS = 200;
    /** As the data set names its pieces: {@code <tableId>-n1} and {@code -n2}. */
    private static final int NEEDS_PER_TABLE = 2;
    private static final int WARMUP_COMMANDS = 20;
    private static final int MEASURED_COMMANDS = 200;
    private static final int READ_WARMUPS = 2;
    private static final int BOARD_REBUILDS = 10;
    private static final int READS = 10;
    private static final Duration BOARD_WAIT = Duration.ofSeconds(30);

    private AssemblyDepthRun() {
    }

    /** The figures, asked of {@code api} with the facilitator's credential for the assemblies in {@code dataset}. */
    static Measurement measure(MingaApi api, Credential facilitator, JsonNode dataset) {
        String deepId = dataset.path("deepAssemblyId").asText();
        long deepEvents = dataset.path("deepAssemblyEvents").asLong();
        long shallowEvents = dataset.path("shallowAssemblyEvents").asLong();
        if (deepId.isEmpty() || deepEvents == 0) {
            throw new IllegalArgumentException("The data set has no deep assembly: " + dataset);
        }
        Phones deep = Phones.of(api, facilitator, deepId);
        List<Phones> shallow = new ArrayList<>();
        dataset.path("shallowAssemblyIds").forEach(id -> shallow.add(Phones.of(api, facilitator, id.asText())));

        // The shallow ones first, so the deep one's cold command does not also pay for the JVM's first command.
        LatencyRecorder shallowCold = new LatencyRecorder();
        shallow.forEach(phones -> shallowCold.record(phones.revise(api)));
        long deepCold = deep.revise(api);
        for (int w = 0; w < WARMUP_COMMANDS; w++) {
            deep.revise(api);
            shallow.forEach(phones -> phones.revise(api));
        }
        long deepFrom = deepEvents + deep.sent;
        long shallowFrom = shallowEvents + shallow.get(0).sent;
        LatencyRecorder deepLatency = new LatencyRecorder();
        LatencyRecorder shallowLatency = new LatencyRecorder();
        for (int c = 0; c < MEASURED_COMMANDS; c++) {
            if (c % 2 == 0) {
                deepLatency.record(deep.revise(api));
            } else {
                shallowLatency.record(shallow.get((c / 2) % shallow.size()).revise(api));
            }
        }
        long deepTo = deepEvents + deep.sent;
        long shallowTo = shallowEvents + shallow.get(0).sent;

        String auditorLink = api.post("/api/assemblies/" + deepId + "/links", Map.of("kind", "auditor"), facilitator)
                .expect(201).json().path("url").asText();
        Credential auditor = Credential.shareLink(RoomSetup.linkToken(auditorLink));
        String board = "/api/assemblies/" + deepId + "/board";
        long lastSequence = awaitBoardVersion(api, auditor, board, deepTo - 1);
        Reads rebuilds = timedReads(api, auditor, board + "?sequence=" + lastSequence, BOARD_REBUILDS, answer -> {
            if (answer.path("version").asLong(-1) != lastSequence) {
                throw new IllegalStateException("The board rebuilt at sequence " + lastSequence + " answered version "
                        + answer.path("version") + " for " + deepId);
            }
        });
        Reads liveBoards = timedReads(api, auditor, board, READS, answer -> { });
        Reads histories = timedReads(api, auditor, "/api/assemblies/" + deepId + "/history", READS, answer -> { });

        String deepName = String.format("%,d-event assembly", deepEvents);
        String shallowName = String.format("%,d-event assemblies", shallowEvents);
        double ratioP50 = ratio(deepLatency, shallowLatency, 50);
        double ratioP99 = ratio(deepLatency, shallowLatency, 99);
        Measurement.Builder depth = new Measurement.Builder(String.format(
                "Assembly depth: a %,d-event assembly against %,d-event ones", deepEvents, shallowEvents));
        commandFigures(depth, "deep", deepLatency, String.format("the %s (%,d → %,d events)", deepName, deepFrom, deepTo));
        commandFigures(depth, "shallow", shallowLatency, String.format("the %s (%,d → %,d events each)", shallowName, shallowFrom, shallowTo));
        depth.figure("latencyRatioP50", Figure.against(String.format("command latency p50, %s ÷ %s", deepName, shallowName),
                        ratioP50, "×", Target.atMost(LATENCY_RATIO_TARGET)))
                .figure("latencyRatioP99", Figure.of(String.format("command latency p99, %s ÷ %s (info)", deepName, shallowName),
                        ratioP99, "×"))
                .figure("deepColdCommandMs", Figure.of("first command after Minga started, " + deepName + " (info)",
                        LatencyRecorder.millis(deepCold), "ms"))
                .figure("shallowColdCommandMs", Figure.of("first command after Minga started, " + shallowName + " (median, info)",
                        LatencyRecorder.millis(shallowCold.percentile(50)), "ms"))
                .figure("boardRebuildP50Ms", Figure.against(String.format(
                                "rebuilding the %s's board for the auditor (GET …/board?sequence=%d), p50", deepName, lastSequence),
                        LatencyRecorder.millis(rebuilds.latencies().percentile(50)), "ms", Target.atMost(BOARD_REBUILD_TARGET_MS)))
                .figure("boardRebuildMaxMs", Figure.of("rebuilding the " + deepName + "'s board for the auditor, max (info)",
                        LatencyRecorder.millis(rebuilds.latencies().max()), "ms"))
                .figure("liveBoardP50Ms", Figure.of("live board of the " + deepName + " (GET …/board), p50 (info)",
                        LatencyRecorder.millis(liveBoards.latencies().percentile(50)), "ms"))
                .figure("historyP50Ms", Figure.of("the auditor's history of the " + deepName + " (GET …/history), p50 (info)",
                        LatencyRecorder.millis(histories.latencies().percentile(50)), "ms"))
                .figure("deepBuildSeconds", Figure.of("building the " + deepName + " in the data set, one awaited command at a time (info)",
                        EventStoreRun.round1(dataset.path("deepBuildSeconds").asDouble()), "s"))
                .detail("latencyRatios", String.format(Locale.ROOT, "p50 %.3f, p99 %.3f", ratioP50, ratioP99))
                .detail("liveBoardVersion", lastSequence)
                .detail("rebuiltBoardVersion", rebuilds.last().path("version").asLong())
                .detail("historyEntries", histories.last().size())
                .note("Closed loop over HTTP, one request at a time, each a need revised with a new text by its table's phone "
                        + "(X-Minga-Table-Code from the console's GET …/tables). Each assembly's first command after Minga started is its "
                        + "cold figure (the " + shallow.size() + " shallow ones first); then " + WARMUP_COMMANDS + " each, not counted; then "
                        + MEASURED_COMMANDS + " alternating deep and shallow (round the shallow ones): the deep assembly goes from "
                        + String.format("%,d to %,d events, each shallow one from %,d to %,d.", deepFrom, deepTo, shallowFrom, shallowTo))
                .note("Issue 7's target, latency at 10,000 events ≤ " + Figure.format(LATENCY_RATIO_TARGET) + " × latency at 100 events, "
                        + "is read on the medians; the p99 ratio is for information (on " + MEASURED_COMMANDS / 2
                        + " commands each, p99 is the second-highest).")
                .note("Minga keeps recently used assemblies loaded between commands and snapshots every 250 events: only the cold "
                        + "commands load an assembly from the event store (the deep one from its latest snapshot).")
                .note("The auditor's board (with an auditor share link) folds the deep assembly's raw stream from its first event, "
                        + "never from a snapshot, up to sequence " + lastSequence + ", its last event (the live board's version once it "
                        + "caught up with the commands); " + READ_WARMUPS + " warmups, then " + BOARD_REBUILDS + " timed, each answering "
                        + "that version. The live board and the history: " + READ_WARMUPS + " warmups, then " + READS + " timed.");
        return depth.build();
    }

    /** Without a caught-up Minga to measure on: both targets missed, saying why. */
    static Measurement notMeasured(String why) {
        return new Measurement.Builder("Assembly depth: not measured")
                .figure("latencyRatioP50", Figure.missing("command latency p50, deep assembly ÷ shallow ones", "×",
                        Target.atMost(LATENCY_RATIO_TARGET), why))
                .figure("boardRebuildP50Ms", Figure.missing("rebuilding the deep assembly's board for the auditor, p50", "ms",
                        Target.atMost(BOARD_REBUILD_TARGET_MS), why))
                .build();
    }

    private static void commandFigures(Measurement.Builder depth, String which, LatencyRecorder latencies, String where) {
        LatencyRecorder.Summary summary = latencies.summary();
        depth.figure(which + "CommandP50Ms", Figure.of("command latency p50, " + where, summary.p50(), "ms"))
                .figure(which + "CommandP95Ms", Figure.of("command latency p95, " + where, summary.p95(), "ms"))
                .figure(which + "CommandP99Ms", Figure.of("command latency p99, " + where, summary.p99(), "ms"));
    }

    private static double ratio(LatencyRecorder deep, LatencyRecorder shallow, double percentile) {
        return Math.round(deep.percentile(percentile) * 1000.0 / shallow.percentile(percentile)) / 1000.0;
    }

    /** The live board follows the commands' events a moment behind: waits until it shows {@code version}, never more. */
    private static long awaitBoardVersion(MingaApi api, Credential reader, String board, long version) {
        long deadline = System.nanoTime() + BOARD_WAIT.toNanos();
        long shown;
        do {
            shown = api.get(board, reader).expect(200).json().path("version").asLong(-1);
            if (shown == version) {
                return version;
            }
            MingaProcess.sleep(Duration.ofMillis(50));
        } while (shown < version && System.nanoTime() < deadline);
        throw new IllegalStateException(board + " shows version " + shown + ", not " + version + ", the last event of the "
                + "commands answered 200" + (shown < version ? " (after " + BOARD_WAIT.toSeconds() + " s)" : ""));
    }

    /** Timed reads and the last answer. */
    private record Reads(LatencyRecorder latencies, JsonNode last) {
    }

    /** {@value #READ_WARMUPS} untimed, then {@code times} timed GETs of {@code path}, each answered 200 and checked. */
    private static Reads timedReads(MingaApi api, Credential reader, String path, int times, Consumer<JsonNode> check) {
        LatencyRecorder latencies = new LatencyRecorder();
        JsonNode last = null;
        for (int r = 0; r < READ_WARMUPS + times; r++) {
            long begin = System.nanoTime();
            MingaApi.Answer answer = api.get(path, reader);
            long took = System.nanoTime() - begin;
            last = answer.expect(200).json();
            check.accept(last);
            if (r >= READ_WARMUPS) {
                latencies.record(took);
            }
        }
        return new Reads(latencies, last);
    }

    /** An assembly's tables as their phones reach them, each with the join code the console shows. */
    private static final class Phones {

        private final String assemblyId;
        private final List<JsonNode> tables;
        private final Map<String, String> codes;
        private int sent;

        private Phones(String assemblyId, List<JsonNode> tables, Map<String, String> codes) {
            this.assemblyId = assemblyId;
            this.tables = tables;
            this.codes = codes;
        }

        /**
         * The assembly's tables with a join code each. The data set splits through the command bus,
         * not REST, so its tables have no code until the facilitator asks for one, as the console does.
         */
        static Phones of(MingaApi api, Credential facilitator, String assemblyId) {
            List<JsonNode> tables = new ArrayList<>();
            api.get("/api/assemblies/" + assemblyId + "/tables", facilitator).expect(200).json().forEach(tables::add);
            if (tables.isEmpty()) {
                throw new IllegalStateException(assemblyId + " has no tables");
            }
            Map<String, String> codes = new HashMap<>();
            for (JsonNode table : tables) {
                String tableId = table.path("tableId").asText();
                String code = table.path("joinCode").asText(null);
                if (code == null || code.isBlank()) {
                    code = api.post("/api/assemblies/" + assemblyId + "/tables/" + tableId + "/join-code", Map.of(), facilitator)
                            .expect(200).json().path("joinCode").asText();
                }
                codes.put(tableId, code);
            }
            return new Phones(assemblyId, tables, codes);
        }

        /** Revises the next need round the tables with a text it never had; answers how long the answer took, in nanoseconds. */
        long revise(MingaApi api) {
            JsonNode table = tables.get((sent / NEEDS_PER_TABLE) % tables.size());
            String tableId = table.path("tableId").asText();
            String path = "/api/assemblies/" + assemblyId + "/tables/" + tableId + "/needs/" + tableId + "-n" + (sent % NEEDS_PER_TABLE + 1);
            Map<String, String> text = Map.of("text", "Necesidad revisada por la mesa " + table.path("label").asText() + " (" + (sent + 1) + ")");
            Credential phone = Credential.tableCode(codes.get(tableId));
            long begin = System.nanoTime();
            MingaApi.Answer answer = api.send("PUT", path, text, phone);
            long took = System.nanoTime() - begin;
            answer.expect(200);
            sent++;
            return took;
        }
    }
}
