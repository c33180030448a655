package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Minga in embedded mode, in a JVM of its own as on a facilitator's laptop: a fresh data directory
 * (or one already holding events), a free port and a random facilitator password. Closing it stops
 * the JVM (forcibly after 10 s) and deletes the data directory if the harness created it.
 */
public final class MingaProcess implements AutoCloseable {

    static final String FACILITATOR = "facilitator";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final URI baseUri;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final Path log;
    private final Path gcLog;
    private final String password;
    private Duration startToReady;

    private MingaProcess(Process process, URI baseUri, Path dataDir, boolean ownsDataDir, Path log, Path gcLog, String password) {
        this.process = process;
        this.baseUri = baseUri;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.log = log;
        this.gcLog = gcLog;
        this.password = password;
    }

    /**
     * Starts {@code jar} on a fresh data directory with the given JVM options ({@code heap}, see
     * {@link #jvmOptions}) and waits until its readiness probe answers 200; its output goes to
     * {@code log}, its GC log next to it ({@link #gcLogOf}). Closing it deletes the directory.
     */
    public static MingaProcess start(Path jar, String heap, Path log) {
        requireJar(jar);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("minga-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for Minga", e);
        }
        return launch(jar, heap, dataDir, true, log);
    }

    /**
     * Starts {@code jar} on an existing data directory, such as one holding the events of an earlier
     * run, and waits until it is ready. Closing it leaves the directory where it is. The facilitator's
     * password is a new random one: Minga sets the configured password at every start.
     */
    public static MingaProcess startOn(Path jar, String heap, Path dataDir, Path log) {
        requireJar(jar);
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("No data directory at " + dataDir);
        }
        return launch(jar, heap, dataDir, false, log);
    }

    static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Minga jar at " + jar.toAbsolutePath().normalize()
                    + ": build it first with ./mvnw -B -DskipTests package (or run this module with -am)");
        }
    }

    private static MingaProcess launch(Path jar, String heap, Path dataDir, boolean ownsDataDir, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            int port = freePort();
            String password = randomPassword();
            Path gcLog = gcLogOf(log);
            Files.deleteIfExists(gcLog);
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions(heap));
            command.add(gcLogOption(gcLog.toAbsolutePath().normalize().toString()));
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                    "--minga.data-dir=" + dataDir, "--server.port=" + port, "--server.address=127.0.0.1"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // Through the environment rather than an argument, so the password does not show in ps.
            builder.environment().put("MINGA_FACILITATOR_USER", FACILITATOR);
            builder.environment().put("MINGA_FACILITATOR_PASSWORD", password);
            long started = System.nanoTime();
            Process process = builder.start();
            // Should the harness be stopped (Ctrl-C) before it closes Minga, Minga must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-minga-" + process.pid()));
            MingaProcess minga = new MingaProcess(process, URI.create("http://127.0.0.1:" + port + "/"), dataDir, ownsDataDir, log, gcLog,
                    password);
            try {
                minga.awaitReady(started);
                return minga;
            } catch (RuntimeException e) {
                minga.close();
                throw e;
            }
        } catch (IOException e) {
            if (ownsDataDir) {
                deleteRecursively(dataDir);
            }
            throw new UncheckedIOException("Cannot start Minga from " + jar, e);
        }
    }

    private void awaitReady(long startedNanos) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(baseUri.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        long deadline = startedNanos + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Minga exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startToReady = Duration.ofNanos(System.nanoTime() - startedNanos);
                    return;
                }
            } catch (IOException notListeningYet) {
                // The port opens late in the start; until then there is nothing to ask.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Minga", e);
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("Minga was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** Signs in with Basic once and creates an API token; every later request uses the token, which costs no BCrypt check. */
    public String createToken(MingaApi api) {
        return api.post("/api/tokens", Map.of("label", "bench"), Credential.basic(FACILITATOR, password))
                .expect(201).json().path("token").asText();
    }

    /** A full collection, so the heap Minga's metrics report next is what it keeps, not what it has yet to collect. */
    public void collectGarbage() {
        jcmd("GC.run");
    }

    /** CPU time the Minga JVM has used so far, when the operating system tells. */
    public OptionalLong cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(d -> OptionalLong.of(d.toNanos())).orElse(OptionalLong.empty());
    }

    private void jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(process.pid()), command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + process.pid() + " " + command + " did not succeed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running jcmd", e);
        }
    }

    /**
     * The {@code heap} setting as separate JVM arguments: it may carry several options separated by
     * spaces, e.g. {@code -Xmx1g -XX:+UseZGC}.
     */
    static List<String> jvmOptions(String heap) {
        String options = heap == null ? "" : heap.strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Where the GC log of a Minga whose output goes to {@code log} is written: {@code minga.log} → {@code minga.gc.log}. */
    static Path gcLogOf(Path log) {
        String name = log.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - ".log".length()) : name;
        return log.resolveSibling(stem + ".gc.log");
    }

    /**
     * Java 17's unified logging of every collection ({@code gc}) and of its phases ({@code gc+phases}):
     * G1, Parallel, Serial and Shenandoah write a line for each pause with the {@code gc} tag, but ZGC
     * writes its pauses ({@code Pause Mark Start 0.017ms}) only with {@code gc+phases}; G1 adds five
     * phase lines to each pause, no more. The file name is quoted so a path with a colon or a space
     * still parses, and the file is never rotated ({@code filecount=0}), so an offset taken before the
     * load still points into the same file after it.
     */
    static String gcLogOption(String gcLog) {
        return "-Xlog:gc,gc+phases:file=\"" + gcLog + "\":uptime,level,tags:filecount=0";
    }

    /** This Minga's GC log ({@link #gcLogOption}). */
    public Path gcLog() {
        return gcLog;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Duration startToReady() {
        return startToReady;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * SIGKILL, as a power cut or the kernel's OOM killer stops Minga: no shutdown of any kind. Waits
     * until the JVM is gone. The data directory stays as the kill left it (closing deletes it only
     * if the harness created it).
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Minga (pid " + process.pid() + ") still runs " + STOP_GRACE.toSeconds() + " s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Minga to die", e);
        }
    }

    /**
     * Asks the JVM to stop (Minga's graceful shutdown), forces it after 10 s, then deletes the data
     * directory if the harness created it.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
