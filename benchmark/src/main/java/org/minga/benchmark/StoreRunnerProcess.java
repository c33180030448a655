package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.minga.benchmark.store.StoreRunner;

/**
 * Runs {@link StoreRunner} inside minga.jar, in a JVM of its own: Spring Boot's
 * {@code PropertiesLauncher} puts this module's code (its classes directory or jar, wherever the
 * harness itself was loaded from) on {@code loader.path} next to Minga's own classes and libraries,
 * so the runner uses exactly Minga's configuration. Answers the runner's JSON result.
 */
final class StoreRunnerProcess {

    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private StoreRunnerProcess() {
    }

    /**
     * Runs {@code mode} on {@code dataDir} with {@code amount} (seconds or events), its output in
     * {@code log}, for at most {@code limit}; its result is {@code resultFile} read as JSON.
     */
    static JsonNode run(Path jar, String heap, String mode, Path dataDir, long amount, Path resultFile, Path log, Duration limit) {
        return run(jar, heap, mode, dataDir, List.of(amount), resultFile, log, limit);
    }

    /** As above, with the amounts the mode takes after RESULT_FILE (the data set's events, then its deep assembly's). */
    static JsonNode run(Path jar, String heap, String mode, Path dataDir, List<Long> amounts, Path resultFile, Path log, Duration limit) {
        MingaProcess.requireJar(jar);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.deleteIfExists(resultFile);
            List<String> command = new ArrayList<>(List.of(MingaProcess.javaExecutable()));
            command.addAll(MingaProcess.jvmOptions(heap));
            command.addAll(List.of(
                    "-Dloader.path=" + ownCodeLocation(), "-Dloader.main=" + StoreRunner.MAIN_CLASS,
                    "-cp", jar.toAbsolutePath().toString(), LAUNCHER,
                    mode, dataDir.toAbsolutePath().toString(), resultFile.toAbsolutePath().toString()));
            amounts.forEach(amount -> command.add(String.valueOf(amount)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // As for Minga itself: a password of our choosing, so no generated one is printed.
            builder.environment().put("MINGA_FACILITATOR_USER", MingaProcess.FACILITATOR);
            builder.environment().put("MINGA_FACILITATOR_PASSWORD", MingaProcess.randomPassword());
            Process process = builder.start();
            Thread stop = new Thread(process::destroyForcibly, "stop-store-runner-" + process.pid());
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException("The store runner (" + mode + ") did not finish within "
                            + limit.toMinutes() + " min; see " + log);
                }
            } finally {
                Runtime.getRuntime().removeShutdownHook(stop);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(resultFile)) {
                throw new IllegalStateException("The store runner (" + mode + ") failed with exit code " + process.exitValue()
                        + "; see " + log);
            }
            return MingaApi.JSON.readTree(resultFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the store runner from " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the store runner ran", e);
        }
    }

    /** Where this module's classes were loaded from: target/classes in a build, or the module's jar. */
    static Path ownCodeLocation() {
        try {
            return Path.of(StoreRunnerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where the benchmark's classes are", e);
        }
    }
}
