package org.minga.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What to run: K assemblies of T tables with V viewers each, phones sending R commands a second in
 * all for a duration after a warmup, against a Minga the harness starts (with {@code heap}) or the
 * one at {@code url}. Given as {@code key=value} arguments or {@code bench.key} system properties;
 * arguments win.
 */
public record BenchmarkSettings(int assemblies, int tablesPerAssembly, int viewersPerAssembly, int commandsPerSecond,
                                Duration duration, Duration warmup, Optional<URI> url, Optional<String> token,
                                String heap, Path outputDir, Path jar) {

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
                values.get("heap"), Path.of(values.get("out")), Path.of(values.get("jar")));
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
            values.put("heap", heap);
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
