package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.runtime.wire.AxonServerWire;
import org.minga.ui.MingaClient;
import org.minga.ui.ScriptedAssembly;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Axon Server, a command sent through one instance may be handled by another: the command, its
 * answer and its refusal cross the wire as Axon Server's gRPC messages, not as Java objects. In
 * every test each command takes that trip ({@link AxonServerWire}, with the connector's own
 * {@code CommandSerializer}) and the room must notice nothing: the split still answers its tables
 * with their codes, a refusal is still the same 400/404/409 with the same code, field and message,
 * in Spanish and English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsOverAxonServerWireTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("wire");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    AxonServerWire wire;

    private MingaClient client;
    private String base;
    private ScriptedAssembly assembly;

    @BeforeAll
    void runTheAssemblyOverTheWire() {
        client = new MingaClient("http://localhost:" + port);
        base = "/api/assemblies/" + ScriptedAssembly.ID;
        assembly = new ScriptedAssembly(client).schedule().registerTwelve().split().writeNeeds()
                .attachSolutions().planWork().electAndPin().approveByVote();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.get(base + "/agenda").json().get("status").asText()).isEqualTo("approved"));
    }

    @Test
    void everyCommandOfTheAssemblyCrossedTheWireAndTheSplitStillAnswersItsTables() {
        assertThat(wire.commandOutcomesReceived()).isGreaterThanOrEqualTo(59);
        assertThat(wire.damage()).isEmpty();
        JsonNode tables = assembly.tables();
        assertThat(tables).hasSize(4);
        assertThat(tables).allSatisfy(table -> {
            assertThat(table.get("tableId").asText()).matches("t[1-4]");
            assertThat(table.get("memberIds")).isNotEmpty();
            assertThat(table.get("joinCode").asText()).hasSize(6);
        });
        JsonNode again = client.post(base + "/split-into-tables", "{}").expect(200).json().get("tables");
        assertThat(again).extracting(t -> t.get("tableId").asText()).containsExactly("t1", "t2", "t3", "t4");
    }

    @Test
    void aBrokenRuleIsStillA409WithItsCodeAndMessageInBothLanguages() {
        MingaClient.Answer spanish = client.post(base + "/tables/t1/needs", "{\"pieceId\": \"late\", \"text\": \"Una idea tardía\"}");
        MingaClient.Answer english = client.inEnglish().post(base + "/tables/t1/needs", "{\"pieceId\": \"late\", \"text\": \"Una idea tardía\"}");

        assertThat(spanish.status()).isEqualTo(409);
        assertThat(spanish.contentType()).startsWith("application/problem+json");
        assertThat(spanish.json().get("code").asText()).isEqualTo("agenda.approved");
        assertThat(spanish.json().get("detail").asText()).isEqualTo("La agenda ya fue aprobada y está congelada.");
        assertThat(english.json().get("detail").asText()).isEqualTo("The agenda is already approved and frozen.");
    }

    @Test
    void badInputAndUnknownIdsKeepTheirFieldAndArguments() {
        MingaClient.Answer tooLong = client.post("/api/assemblies", """
                {"assemblyId": "wire-long", "title": "%s", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}"""
                .formatted("x".repeat(300)));
        MingaClient.Answer unknownTable = client.inEnglish().post(base + "/tables/t9/needs", "{\"pieceId\": \"late\", \"text\": \"Idea\"}");
        MingaClient.Answer unknownAssembly = client.inEnglish().post("/api/assemblies/nowhere/tables/t1/needs", "{\"text\": \"Idea\"}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asText()).isEqualTo("text.too-long");
        assertThat(tooLong.json().get("field").asText()).isEqualTo("title");
        assertThat(tooLong.json().get("detail").asText()).contains("300").contains("título");
        assertThat(unknownTable.status()).isEqualTo(404);
        assertThat(unknownTable.json().get("field").asText()).isEqualTo("tableId");
        assertThat(unknownTable.json().get("detail").asText()).isEqualTo("There is no table \"t9\" in this assembly.");
        assertThat(unknownAssembly.status()).isEqualTo(404);
        assertThat(unknownAssembly.json().get("code").asText()).isEqualTo("assembly.unknown");
        assertThat(unknownAssembly.json().get("detail").asText()).isEqualTo("There is no assembly \"nowhere\".");
    }
}
