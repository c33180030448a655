package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Minga in its own JVM, as on the laptop: killed with SIGKILL right after acknowledging commands,
 * restarted on the same data directory, and checked for every acknowledged piece, none twice.
 * Then its read models are deleted outright and rebuilt from the event store.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target", "minga.jar");
    private static final int PIECE_EVENTS_BEFORE_PLENARY = 56;
    private static final int ALL_EVENTS = 59;

    private final Path dataDir = TestDataDirectories.fresh("crash");
    private final List<Process> processes = new ArrayList<>();
    private int run;

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAcknowledgedPieceSurvivesAKillAndNoneDoubles() throws Exception {
        int port = freePort();
        MingaClient client = new MingaClient("http://localhost:" + port);
        String board = "/api/assemblies/" + ScriptedAssembly.ID + "/board";
        String agenda = "/api/assemblies/" + ScriptedAssembly.ID + "/agenda";
        String history = "/api/assemblies/" + ScriptedAssembly.ID + "/history";

        Process first = start(port);
        ScriptedAssembly assembly = new ScriptedAssembly(client).schedule().registerTwelve().split().writeNeeds()
                .attachSolutions().planWork().electAndPin();
        kill(first);

        start(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = client.get(board).expect(200).json();
            assertThat(pieces(now)).containsExactlyElementsOf(assembly.allLiveNeeds());
            assertThat(now.findValues("pinned")).allMatch(JsonNode::asBoolean).hasSize(4);
            assertThat(now.findValues("workPlan")).hasSize(8).noneMatch(JsonNode::isNull);
            assertThat(client.get(agenda).json().get("items")).extracting(i -> i.get("needPieceId").asText())
                    .containsExactlyElementsOf(assembly.allLiveNeeds());
            assertThat(client.get(history).json()).hasSize(PIECE_EVENTS_BEFORE_PLENARY);
        });

        Process second = processes.get(processes.size() - 1);
        assembly.approveByVote();
        kill(second);
        Files.delete(dataDir.resolve("read-models.mv"));

        start(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode approved = client.get(agenda).expect(200).json();
            assertThat(approved.get("status").asText()).isEqualTo("approved");
            assertThat(approved.get("items")).extracting(i -> i.get("needPieceId").asText())
                    .containsExactlyElementsOf(assembly.allLiveNeeds());
            assertThat(pieces(client.get(board).json())).containsExactlyElementsOf(assembly.allLiveNeeds());
            assertThat(client.get(history).json()).hasSize(ALL_EVENTS);
            assertThat(client.get("/api/assemblies/" + ScriptedAssembly.ID + "/participation").json().get("seated").asInt()).isEqualTo(12);
        });
    }

    private Process start(int port) throws IOException {
        run++;
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=" + port, "--minga.data-dir=" + dataDir,
                "--minga.facilitator.password=" + MingaClient.FACILITATOR_PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-run" + run + ".log").toFile())
                .start();
        processes.add(process);
        MingaClient client = new MingaClient("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("Minga exited; see its log next to " + dataDir).isTrue();
                    return client.get("/api/assemblies").status() == 200;
                });
        return process;
    }

    /** SIGKILL: no shutdown hook, no flush, as when the laptop's power goes. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static List<String> pieces(JsonNode board) {
        List<String> pieces = new ArrayList<>();
        board.get("axes").forEach(axis -> axis.get("tables")
                .forEach(table -> table.get("pieces").forEach(piece -> pieces.add(piece.get("pieceId").asText()))));
        return pieces;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
