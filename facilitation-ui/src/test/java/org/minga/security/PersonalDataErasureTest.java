package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.minga.ui.MingaClient;
import org.minga.ui.ScriptedAssembly;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Erasing a person removes their name and contact everywhere, and leaves the assembly's record intact. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataErasureTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("erasure");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void erasingAPersonsDataLeavesNoTraceOfItAndTheAssemblyIntact() {
        MingaClient client = new MingaClient("http://localhost:" + port);
        String token = client.post("/api/tokens", "{}").expect(201).json().get("token").asText();
        MingaClient api = client.with("Authorization", "Bearer " + token);
        String base = "/api/assemblies/" + ScriptedAssembly.ID;
        ScriptedAssembly assembly = new ScriptedAssembly(api).schedule();
        api.post(base + "/participants", """
                {"participantId": "ana", "name": "Ana Quispe Mamani", "phone": "+57 300 555 0199", "email": "ana@example.org",
                 "organization": "Cooperativa La Esperanza", "gender": "female", "preferredAxisId": "credit"}""").expect(201);
        assembly.registerTwelve().split().writeNeeds().attachSolutions().planWork().electAndPin().approveByVote();
        await().until(() -> "approved".equals(api.get(base + "/agenda").json().get("status").asText()));
        JsonNode person = find(api.get(base + "/participants").json(), "ana");
        assertThat(person.get("name").asText()).isEqualTo("Ana Quispe Mamani");
        assertThat(person.get("phone").asText()).isEqualTo("+57 300 555 0199");
        String tableOfAna = person.get("tableId").asText();
        List<String> records = List.of("/board", "/agenda", "/agenda.csv", "/agenda.md", "/history", "/participation", "");
        List<String> before = records.stream().map(r -> api.get(base + r).text()).toList();

        api.delete(base + "/participants/ana/personal-data").expect(200);

        JsonNode erased = find(api.get(base + "/participants").json(), "ana");
        assertThat(erased.get("name").isNull()).isTrue();
        assertThat(erased.get("phone").isNull()).isTrue();
        assertThat(erased.get("email").isNull()).isTrue();
        assertThat(erased.get("organization").asText()).as("non-identifying attributes stay for the figures").isEqualTo("Cooperativa La Esperanza");
        assertThat(api.get(base + "/tables/" + tableOfAna + "/members").text()).contains("\"ana\"").doesNotContain("Quispe");
        List<String> after = records.stream().map(r -> api.get(base + r).text()).toList();
        // A facilitator's downloads name the spokespeople: Ana's name leaves them (her line of the minutes with it), nothing else.
        List<String> beforeButAna = before.stream()
                .map(answer -> answer.replace("   - Vocería: Ana Quispe Mamani\n", "").replace("Ana Quispe Mamani", "")).toList();
        assertThat(after).as("board, agenda, exports, history, participation and summary unchanged").isEqualTo(beforeButAna);
        for (String answer : after) {
            assertThat(answer).doesNotContain("Quispe", "555 0199", "ana@example.org");
        }
        assertThat(api.delete(base + "/participants/ana/personal-data").status()).as("erasing twice changes nothing").isEqualTo(200);
        assertThat(api.delete(base + "/participants/nobody/personal-data").status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode people, String participantId) {
        for (JsonNode person : people) {
            if (person.get("participantId").asText().equals(participantId)) {
                return person;
            }
        }
        throw new AssertionError("no participant " + participantId);
    }
}
