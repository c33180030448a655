package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's GC log as {@link MingaProcess#gcLogOption} writes it (Java 17 unified logging, tags
 * {@code gc} and {@code gc+phases}, decorations {@code uptime,level,tags}), read for the pauses it
 * records. A pause is a line whose message starts {@code Pause} and ends with its length, such as
 * G1's {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 12.345ms} or
 * ZGC's {@code GC(3) Pause Mark Start 0.017ms}; concurrent work ({@code Concurrent Mark Cycle},
 * {@code Concurrent Relocate}), phase breakdowns and ZGC's summary line
 * ({@code Garbage Collection (Warmup) 14M(11%)->24M(19%)}) are not pauses and do not count.
 */
final class GcLog {

    /** The decorations in front of the message: {@code [1.096s][info][gc,phases] }. */
    private static final Pattern DECORATIONS = Pattern.compile("^(?:\\[[^\\]]*\\])+\\s*");
    private static final Pattern PAUSE = Pattern.compile("^GC\\(\\d+\\) (?:\\w+: )?Pause .* (\\d+(?:\\.\\d+)?)ms$");
    private static final String USING = "Using ";

    private GcLog() {
    }

    /** The pauses of one stretch of a GC log, and the collector that made them. */
    record Pauses(String collector, LatencyRecorder lengths) {

        int count() {
            return lengths.count();
        }

        double p50Ms() {
            return LatencyRecorder.millis(lengths.percentile(50));
        }

        double longestMs() {
            return LatencyRecorder.millis(lengths.max());
        }
    }

    /** The file's size now, 0 when the JVM has not created it yet: where the next line will start. */
    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    /**
     * The pauses the JVM wrote between two sizes of its log ({@link #size}, taken before and after a
     * load): only whole lines, so a pause written by a collection forced later does not count.
     */
    static Pauses pausesBetween(Path file, long from, long to) {
        return new Pauses(collector(file), pauses(read(file, from, to)));
    }

    /** The pauses among {@code lines} of a GC log, each as long as the log says. */
    static LatencyRecorder pauses(List<String> lines) {
        LatencyRecorder lengths = new LatencyRecorder();
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(message(line));
            if (pause.matches()) {
                lengths.record(Math.round(Double.parseDouble(pause.group(1)) * 1_000_000));
            }
        }
        return lengths;
    }

    /**
     * The collector the JVM announced in its first lines ({@code Using G1}, {@code Using The Z
     * Garbage Collector}); "unknown" when it did not.
     */
    static String collector(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return collector(lines.limit(50).toList());
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    static String collector(List<String> lines) {
        for (String line : lines) {
            String message = message(line);
            if (message.startsWith(USING)) {
                return message.substring(USING.length()).strip();
            }
        }
        return "unknown";
    }

    private static String message(String line) {
        return DECORATIONS.matcher(line.strip()).replaceFirst("");
    }

    /** The whole lines from byte {@code from} up to byte {@code to}; a line still being written at {@code to} is left out. */
    private static List<String> read(Path file, long from, long to) {
        if (to <= from) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(to - from));
            while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) >= 0) {
                // Reads until the stretch is in, or the file ends early.
            }
            String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            List<String> lines = new ArrayList<>();
            if (lastNewline >= 0) {
                text.substring(0, lastNewline).lines().forEach(lines::add);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
