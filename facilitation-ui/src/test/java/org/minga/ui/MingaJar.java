package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Minga as on the laptop: the built jar in a JVM of its own, on one data directory, each run's
 * log beside it. Whatever it started is killed by {@link #killAll()}.
 */
final class MingaJar {

    private static final Path JAR = Path.of("target", "minga.jar");

    private final Path dataDir;
    private final int port = freePort();
    private final List<Process> processes = new ArrayList<>();

    MingaJar(Path dataDir) {
        this.dataDir = dataDir;
    }

    int port() {
        return port;
    }

    MingaClient client() {
        return new MingaClient("http://localhost:" + port);
    }

    /** Started and answering its API. */
    Process start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-run" + (processes.size() + 1) + ".log");
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=" + port, "--minga.data-dir=" + dataDir,
                "--minga.facilitator.password=" + MingaClient.FACILITATOR_PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        MingaClient client = client();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("Minga exited; see " + log).isTrue();
                    return client.get("/api/assemblies").status() == 200;
                });
        return process;
    }

    /** SIGKILL: no shutdown hook, no flush, as when the laptop's power goes. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void killAll() {
        processes.forEach(Process::destroyForcibly);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
