package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GC logs as OpenJDK 17.0.15 wrote them with {@link MingaProcess#gcLogOption}: the samples in
 * src/test/resources/gc are lines cut from the logs of a small program that allocated hard in a
 * 48 MB heap ({@code java -Xmx48m -XX:+UseG1GC} or {@code -XX:+UseZGC}
 * {@code '-Xlog:gc,gc+phases:file="…":uptime,level,tags:filecount=0'}), not written by hand.
 */
class GcLogTest {

    @Test
    void g1PausesAreYoungFullRemarkAndCleanupButNotItsConcurrentCycleOrPhases() throws IOException {
        List<String> lines = sample("g1-java17.log");

        LatencyRecorder pauses = GcLog.pauses(lines);

        // 7 young (79.560 ms the longest), 1 full (9.691 ms), 1 remark, 1 cleanup; "Concurrent Mark Cycle 112.482ms" is no pause.
        assertThat(pauses.count()).isEqualTo(11);
        assertThat(LatencyRecorder.millis(pauses.max())).isEqualTo(79.560, within(1e-9));
        assertThat(LatencyRecorder.millis(pauses.percentile(50))).isEqualTo(0.730, within(1e-9));
        assertThat(GcLog.collector(lines)).isEqualTo("G1");
    }

    @Test
    void zgcPausesAreItsThreePhasePausesNotItsCollectionsOrStalls() throws IOException {
        List<String> lines = sample("zgc-java17.log");

        LatencyRecorder pauses = GcLog.pauses(lines);

        // Pause Mark Start, Pause Mark End and Pause Relocate Start of GC(0) to GC(2), and GC(3)'s Pause Mark Start.
        assertThat(pauses.count()).isEqualTo(10);
        assertThat(LatencyRecorder.millis(pauses.max())).isEqualTo(0.019, within(1e-9));
        assertThat(LatencyRecorder.millis(pauses.percentile(50))).isEqualTo(0.010, within(1e-9));
        assertThat(GcLog.collector(lines)).isEqualTo("The Z Garbage Collector");
    }

    @Test
    void onlyTheWholeLinesWrittenBetweenTheTwoSizesCount(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("minga.gc.log");
        List<String> lines = sample("g1-java17.log");
        Files.writeString(log, String.join("\n", lines.subList(0, 13)) + "\n");
        long before = GcLog.size(log);
        // The load: young pauses GC(8), GC(27) and GC(28), the full collection GC(29), their phase lines and a concurrent cycle's start.
        Files.writeString(log, String.join("\n", lines.subList(13, 29)) + "\n", StandardOpenOption.APPEND);
        long after = GcLog.size(log);
        // After the load: the rest, and half a line still being written.
        Files.writeString(log, String.join("\n", lines.subList(29, lines.size())) + "\n[0.700s][info][gc       ] GC(140) Pause Full",
                StandardOpenOption.APPEND);

        GcLog.Pauses load = GcLog.pausesBetween(log, before, after);

        assertThat(load.collector()).isEqualTo("G1");
        assertThat(load.count()).isEqualTo(4);
        assertThat(load.longestMs()).isEqualTo(12.923, within(1e-9));
        assertThat(GcLog.pausesBetween(log, after, GcLog.size(log)).count()).isEqualTo(5);
        assertThat(GcLog.pausesBetween(log, after, after).count()).isZero();
    }

    @Test
    void aLogNotYetCreatedHasSizeZeroAndNoKnownCollector(@TempDir Path dir) {
        assertThat(GcLog.size(dir.resolve("none.gc.log"))).isZero();
        assertThat(GcLog.collector(dir.resolve("none.gc.log"))).isEqualTo("unknown");
    }

    @Test
    void severalJvmOptionsAreSeparateArgumentsAndTheGcLogSitsNextToMingasLog() {
        assertThat(MingaProcess.jvmOptions("-Xmx1g")).containsExactly("-Xmx1g");
        assertThat(MingaProcess.jvmOptions("  -Xmx1g   -XX:+UseZGC ")).containsExactly("-Xmx1g", "-XX:+UseZGC");
        assertThat(MingaProcess.jvmOptions(" ")).isEmpty();
        assertThat(MingaProcess.gcLogOf(Path.of("target/bench/minga.log"))).isEqualTo(Path.of("target/bench/minga.gc.log"));
        assertThat(MingaProcess.gcLogOf(Path.of("out/minga-restart-clean.log"))).isEqualTo(Path.of("out/minga-restart-clean.gc.log"));
    }

    @Test
    void thisJvmAcceptsTheGcLogOptionAlsoForAPathWithAColonAndASpace(@TempDir Path dir) throws Exception {
        Path gcLog = dir.resolve("a: b.gc.log");
        List<String> command = new ArrayList<>(List.of(MingaProcess.javaExecutable()));
        command.addAll(MingaProcess.jvmOptions("-Xmx32m -XX:+UseSerialGC"));
        command.add(MingaProcess.gcLogOption(gcLog.toString()));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();

        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        assertThat(GcLog.collector(gcLog)).isEqualTo("Serial");
    }

    private static List<String> sample(String name) throws IOException {
        try (InputStream in = GcLogTest.class.getResourceAsStream("/gc/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
