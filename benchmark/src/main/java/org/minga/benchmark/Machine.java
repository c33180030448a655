package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The machine a report's figures come from. The load average at the start says whether something
 * else was using the cores (on our build machines another engineer may be).
 */
public record Machine(int cores, String cpu, long memoryBytes, String jvm, String os, double loadAverageAtStart) {

    /** USER_HZ, which Linux fixes at 100 for /proc/stat on every common architecture. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

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

    /**
     * CPU time every process on the machine has used since boot, in nanoseconds, from Linux's
     * {@code /proc/stat} (all but idle and I/O wait); empty elsewhere. The difference over the load,
     * less Minga's and the harness's own, is what anything else took from the same cores.
     */
    public static OptionalLong busyCpuNanos() {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat)) {
            return OptionalLong.empty();
        }
        try (Stream<String> lines = Files.lines(stat)) {
            String[] fields = lines.filter(line -> line.startsWith("cpu ")).findFirst().orElse("").trim().split("\\s+");
            long busyTicks = 0;
            // "cpu user nice system idle iowait irq softirq steal …": all up to softirq but idle and iowait;
            // steal is time the host gave to other machines, and guest time is already inside user.
            for (int i = 1; i < Math.min(fields.length, 8); i++) {
                if (i != 4 && i != 5) {
                    busyTicks += Long.parseLong(fields[i]);
                }
            }
            return OptionalLong.of(busyTicks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND));
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** One line for a person: "2 cores (model), 23.4 GiB, Java …, Linux …". */
    public String describeInOneLine() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s, %s; load average at start %.2f",
                cores, cpu, memoryBytes / (1024.0 * 1024 * 1024), jvm, os, loadAverageAtStart);
    }
}
