package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The machine a report's figures come from. The load average at the start says whether something
 * else was using the cores (on our build machines another engineer may be).
 */
public record Machine(int cores, String cpu, long memoryBytes, String jvm, String os, double loadAverageAtStart) {

    public static Machine describe() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        String javaVersion = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
        String osName = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memory, javaVersion, osName, os.getSystemLoadAverage());
    }

    /** The CPU's model name where Linux tells it; "unknown" elsewhere. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    /** One line for a person: "2 cores (model), 23.4 GiB, Java …, Linux …". */
    public String describeInOneLine() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s, %s; load average at start %.2f",
                cores, cpu, memoryBytes / (1024.0 * 1024 * 1024), jvm, os, loadAverageAtStart);
    }
}
