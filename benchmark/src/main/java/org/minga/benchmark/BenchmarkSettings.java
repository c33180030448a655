package org.minga.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What to run: K assemblies of T tables with V viewers each, phones sending R commands a second in
 * all for a duration after a warmup, against a Minga the harness starts (with {@code heap}) or the
 * one at {@code url}; before that load, a ladder of shorter loads at rising rates; after it, the
 * event-store measurements (raw appends for {@code appendSeconds} per phase, restarts with
 * {@code storeEvents} events stored, and an assembly of {@code deepEvents}), unless
 * {@code storeEvents=0}. Between the main load and those, a room's rhythm ({@link RoomRhythm}):
 * {@code rhythmAssemblies} fresh assemblies walking the method's steps, started over
 * {@code rhythmStagger}, a step every {@code rhythmGap}, each step's pieces in the
 * {@code rhythmBurst} after it opens; {@code rhythmAssemblies=0} skips it. Given as
 * {@code key=value} arguments or {@code bench.key} system properties; arguments win.
 */
public record BenchmarkSettings(int assemblies, int tablesPerAssembly, int viewersPerAssembly, int commandsPerSecond,
                                Duration duration, Duration warmup, Optional<URI> url, Optional<String> token,
                                String heap, Path outputDir, Path jar, List<Integer> ladder, Duration ladderDuration,
                                Duration ladderWarmup, int storeEvents, int deepEvents, Duration appendSeconds,
                                int rhythmAssemblies, Duration rhythmStagger, Duration rhythmGap, Duration rhythmBurst,
                                long rhythmSeed) {

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("assemblies", "100");
        defaults.put("tables", "25");
        defaults.put("viewers", "30");
        defaults.put("rate", "500");
        defaults.put("duration", "60");
        defaults.put("warmup", "10");
        defaults.put("url", "");
        defaults.put("token", "");
        defaults.put("heap", "-Xmx1g");
        defaults.put("out", "target/bench");
        defaults.put("jar", "../facilitation-ui/target/minga.jar");
        defaults.put("ladder", "10,25,50,100,200,300,400,500");
        defaults.put("ladderDuration", "60");
        defaults.put("ladderWarmup", "10");
        defaults.put("storeEvents", "100000");
        defaults.put("deepEvents", "10000");
        defaults.put("appendSeconds", "10");
        // Blank: as many as the main load's assemblies.
        defaults.put("rhythmAssemblies", "");
        defaults.put("rhythmStagger", "30");
        defaults.put("rhythmGap", "70");
        defaults.put("rhythmBurst", "60");
        defaults.put("rhythmSeed", "18");
        return defaults;
    }

    public BenchmarkSettings {
        positive("assemblies", assemblies);
        positive("tables", tablesPerAssembly);
        positive("viewers", viewersPerAssembly);
        positive("rate", commandsPerSecond);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be at least one second");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must not be negative");
        }
        ladder = List.copyOf(ladder);
        for (int i = 0; i < ladder.size(); i++) {
            positive("ladder's rates", ladder.get(i));
            if (i > 0 && ladder.get(i) <= ladder.get(i - 1)) {
                throw new IllegalArgumentException("ladder's rates must rise, e.g. ladder=10,25,50; or ladder=none");
            }
        }
        if (ladderDuration.isNegative() || ladderDuration.isZero()) {
            throw new IllegalArgumentException("ladderDuration must be at least one second");
        }
        if (ladderWarmup.isNegative()) {
            throw new IllegalArgumentException("ladderWarmup must not be negative");
        }
        if (storeEvents < 0) {
            throw new IllegalArgumentException("storeEvents must not be negative (0 skips the event-store measurements)");
        }
        if (storeEvents > 0) {
            positive("deepEvents", deepEvents);
            if (appendSeconds.toSeconds() < 1) {
                throw new IllegalArgumentException("appendSeconds must be at least 1");
            }
        }
        if (rhythmAssemblies < 0) {
            throw new IllegalArgumentException("rhythmAssemblies must not be negative (0 skips the room's rhythm)");
        }
        if (rhythmAssemblies > 0) {
            if (rhythmBurst.toSeconds() < 1) {
                throw new IllegalArgumentException("rhythmBurst must be at least 1");
            }
            if (rhythmGap.compareTo(rhythmBurst) <= 0) {
                // A step's last pieces would otherwise meet the next step already open, and be refused step.closed.
                throw new IllegalArgumentException("rhythmGap must be longer than rhythmBurst");
            }
            if (rhythmStagger.isNegative()) {
                throw new IllegalArgumentException("rhythmStagger must not be negative");
            }
        }
        if (url.isPresent() != token.isPresent()) {
            throw new IllegalArgumentException("url= needs token= (a facilitator's Bearer token from POST /api/tokens), and token= needs url=");
        }
    }

    /** Arguments such as {@code rate=200}; what they leave out comes from {@code -Dbench.rate=…}, then the defaults. */
    public static BenchmarkSettings parse(String[] args, Properties systemProperties) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String key : DEFAULTS.keySet()) {
            String property = systemProperties.getProperty("bench." + key);
            if (property != null) {
                values.put(key, property.strip());
            }
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg : arg.substring(0, equals);
            if (equals < 0 || !DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected key=value with key one of " + DEFAULTS.keySet());
            }
            values.put(key, arg.substring(equals + 1).strip());
        }
        return new BenchmarkSettings(
                integer(values, "assemblies"), integer(values, "tables"), integer(values, "viewers"), integer(values, "rate"),
                Duration.ofSeconds(integer(values, "duration")), Duration.ofSeconds(integer(values, "warmup")),
                optional(values, "url").map(URI::create), optional(values, "token"),
                values.get("heap"), Path.of(values.get("out")), Path.of(values.get("jar")), rates(values.get("ladder")),
                Duration.ofSeconds(integer(values, "ladderDuration")), Duration.ofSeconds(integer(values, "ladderWarmup")),
                integer(values, "storeEvents"), integer(values, "deepEvents"), Duration.ofSeconds(integer(values, "appendSeconds")),
                optional(values, "rhythmAssemblies").isEmpty() ? integer(values, "assemblies") : integer(values, "rhythmAssemblies"),
                Duration.ofSeconds(integer(values, "rhythmStagger")), Duration.ofSeconds(integer(values, "rhythmGap")),
                Duration.ofSeconds(integer(values, "rhythmBurst")), whole(values, "rhythmSeed"));
    }

    /** The same settings as arguments, every one spelled out, so a report says exactly what ran. */
    public String asArguments() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("assemblies", String.valueOf(assemblies));
        values.put("tables", String.valueOf(tablesPerAssembly));
        values.put("viewers", String.valueOf(viewersPerAssembly));
        values.put("rate", String.valueOf(commandsPerSecond));
        values.put("duration", String.valueOf(duration.toSeconds()));
        values.put("warmup", String.valueOf(warmup.toSeconds()));
        url.ifPresent(u -> values.put("url", u.toString()));
        // The token is a credential: a report names that one was given, never the token itself.
        token.ifPresent(t -> values.put("token", "<token>"));
        if (url.isEmpty()) {
            // Several JVM options are quoted, as exec-maven-plugin's command line needs them: heap='-Xmx1g -XX:+UseZGC'.
            values.put("heap", heap.strip().contains(" ") ? "'" + heap.strip() + "'" : heap);
        }
        values.put("ladder", ladder.isEmpty() ? "none" : ladder.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (!ladder.isEmpty()) {
            values.put("ladderDuration", String.valueOf(ladderDuration.toSeconds()));
            values.put("ladderWarmup", String.valueOf(ladderWarmup.toSeconds()));
        }
        values.put("storeEvents", String.valueOf(storeEvents));
        if (storeEvents > 0) {
            values.put("deepEvents", String.valueOf(deepEvents));
            values.put("appendSeconds", String.valueOf(appendSeconds.toSeconds()));
        }
        values.put("rhythmAssemblies", String.valueOf(rhythmAssemblies));
        if (rhythmAssemblies > 0) {
            values.put("rhythmStagger", String.valueOf(rhythmStagger.toSeconds()));
            values.put("rhythmGap", String.valueOf(rhythmGap.toSeconds()));
            values.put("rhythmBurst", String.valueOf(rhythmBurst.toSeconds()));
            values.put("rhythmSeed", String.valueOf(rhythmSeed));
        }
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    public boolean startsMinga() {
        return url.isEmpty();
    }

    public Duration loadDuration() {
        return warmup.plus(duration);
    }

    private static int integer(Map<String, String> values, String key) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + values.get(key) + "'");
        }
    }

    private static long whole(Map<String, String> values, String key) {
        try {
            return Long.parseLong(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + values.get(key) + "'");
        }
    }

    /** {@code 10,25,50} as rates; {@code none} (or nothing) as no ladder. */
    private static List<Integer> rates(String value) {
        if (value == null || value.isBlank() || value.equals("none")) {
            return List.of();
        }
        try {
            return Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ladder must be rising whole rates such as 10,25,50, or none; not '" + value + "'");
        }
    }

    private static Optional<String> optional(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1");
        }
    }
}
