package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.ui.MingaClient;
import org.minga.ui.MingaClient.Answer;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The laptop's disk fills up in the middle of the needs step, then space comes back. Meanwhile
 * phones are told to try again in a moment (503, Retry-After), the projector keeps its board,
 * readiness says "not ready"; afterwards Minga takes commands again without a restart, and every
 * need it acknowledged, before and after, is in the history and on the board.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventStoreDiskFaultTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("disk-fault");
    private static final String A = "/api/assemblies/disk";

    @DynamicPropertySource
    static void eventStoreOnAFailingDisk(DynamicPropertyRegistry registry) {
        FailingDisk.install();
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:" + FailingDisk.SCHEME + ":" + DATA_DIR.resolve("events")
                + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    }

    @LocalServerPort
    int port;

    @AfterEach
    void spaceForTheNextTest() {
        FailingDisk.freeSpace();
    }

    @Test
    void aFullDiskRefusesCommandsWith503AndMingaCarriesOnWhenSpaceReturns() {
        MingaClient facilitator = new MingaClient("http://localhost:" + port);
        String token = facilitator.post("/api/tokens", "{\"label\": \"disk\"}").expect(201).json().get("token").asText();
        MingaClient client = facilitator.with("Authorization", "Bearer " + token);
        client.post("/api/assemblies", """
                {"assemblyId": "disk", "title": "Disco lleno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""").expect(201);
        for (int i = 1; i <= 2; i++) {
            client.post(A + "/participants", "{\"participantId\": \"p" + i + "\", \"name\": \"Persona " + i + "\", \"organization\": \"O" + i + "\"}").expect(201);
        }
        client.post(A + "/split-into-tables", "{\"tableSize\": 2}").expect(200);
        client.post(A + "/steps/needs/open", "{}").expect(200);
        List<String> acknowledged = new ArrayList<>();
        acknowledged.add(addNeed(client, "before").expect(201).json().get("pieceId").asText());
        await().until(() -> client.get(A + "/board").json().findValues("pieceId").size() == 1);

        FailingDisk.fill();
        Answer refused = addNeed(client, "during");
        Answer refusedAgain = addNeed(client, "during-again");

        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("store.unavailable");
        assertThat(refused.json().get("detail").asText()).contains("inténtelo de nuevo");
        assertThat(refusedAgain.status()).isEqualTo(503);
        assertThat(retryAfter(client)).isEqualTo("5");
        assertThat(facilitator.anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(facilitator.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(client.get(A + "/board").expect(200).json().findValues("pieceId")).hasSize(1);

        FailingDisk.freeSpace();
        await().atMost(Duration.ofSeconds(20)).until(() -> facilitator.anonymous().get("/actuator/health/readiness").status() == 200);
        acknowledged.add(addNeed(client, "after").expect(201).json().get("pieceId").asText());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode board = client.get(A + "/board").expect(200).json();
            assertThat(board.findValues("pieceId")).extracting(JsonNode::asText).containsExactlyElementsOf(acknowledged);
            JsonNode history = client.get(A + "/history").expect(200).json();
            assertThat(history.findValues("pieceId")).filteredOn(id -> !id.isNull()).extracting(JsonNode::asText)
                    .containsExactlyElementsOf(acknowledged);
        });
    }

    private static Answer addNeed(MingaClient client, String pieceId) {
        return client.post(A + "/tables/t1/needs", "{\"pieceId\": \"" + pieceId + "\", \"text\": \"Necesidad " + pieceId + "\"}");
    }

    /** The Retry-After header of a refused command (MingaClient keeps only status and body). */
    private String retryAfter(MingaClient client) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.baseUrl() + A + "/tables/t1/needs"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (MingaClient.FACILITATOR + ":" + MingaClient.FACILITATOR_PASSWORD).getBytes()))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"pieceId\": \"retry\", \"text\": \"Otra\"}"))
                    .build();
            var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            return answer.headers().firstValue("Retry-After").orElse(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
