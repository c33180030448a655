package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    private static final int PIECE_EVENTS_BEFORE_PLENARY = 56;
    private static final int ALL_EVENTS = 59;

    private final Path dataDir = TestDataDirectories.fresh("crash");
    private final MingaJar minga = new MingaJar(dataDir);

    @AfterEach
    void stopEverything() {
        minga.killAll();
    }

    @Test
    void everyAcknowledgedPieceSurvivesAKillAndNoneDoubles() throws Exception {
        MingaClient client = minga.client();
        String board = "/api/assemblies/" + ScriptedAssembly.ID + "/board";
        String agenda = "/api/assemblies/" + ScriptedAssembly.ID + "/agenda";
        String history = "/api/assemblies/" + ScriptedAssembly.ID + "/history";

        Process first = minga.start();
        ScriptedAssembly assembly = new ScriptedAssembly(client).schedule().registerTwelve().split().writeNeeds()
                .attachSolutions().planWork().electAndPin();
        MingaJar.kill(first);

        Process second = minga.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = client.get(board).expect(200).json();
            assertThat(pieces(now)).containsExactlyElementsOf(assembly.allLiveNeeds());
            assertThat(now.findValues("pinned")).allMatch(JsonNode::asBoolean).hasSize(4);
            assertThat(now.findValues("workPlan")).hasSize(8).noneMatch(JsonNode::isNull);
            assertThat(client.get(agenda).json().get("items")).extracting(i -> i.get("needPieceId").asText())
                    .containsExactlyElementsOf(assembly.allLiveNeeds());
            assertThat(client.get(history).json()).hasSize(PIECE_EVENTS_BEFORE_PLENARY);
        });

        assembly.approveByVote();
        MingaJar.kill(second);
        Files.delete(dataDir.resolve("views.mv.db"));

        minga.start();
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

    private static List<String> pieces(JsonNode board) {
        List<String> pieces = new ArrayList<>();
        board.get("axes").forEach(axis -> axis.get("tables")
                .forEach(table -> table.get("pieces").forEach(piece -> pieces.add(piece.get("pieceId").asText()))));
        return pieces;
    }
}
