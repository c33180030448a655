package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.minga.ui.MingaClient;
import org.minga.ui.ScriptedAssembly;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A participant id keeps its person: no registration replaces a name, and erased data never comes back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReRegistrationTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("re-registration");
    private static final String BASE = "/api/assemblies/" + ScriptedAssembly.ID;
    private static final String ANA = """
            {"participantId": "ana", "name": "Ana Quispe", "phone": "+57 300 555 0199",
             "organization": "Cooperativa La Esperanza", "gender": "female", "preferredAxisId": "credit"}""";
    private static final String SOMEONE_ELSE_AS_ANA = """
            {"participantId": "ana", "name": "Eva Mamani", "phone": "+57 311 000 1111",
             "organization": "Cooperativa La Esperanza", "gender": "female", "preferredAxisId": "credit"}""";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void anIdKeepsItsPersonAndErasedDataStaysErased() {
        MingaClient api = new MingaClient("http://localhost:" + port);
        new ScriptedAssembly(api).schedule();
        int events = 1;
        api.post(BASE + "/participants", ANA).expect(201);
        events++;
        api.post(BASE + "/participants", ANA).expect(201); // an identical retry passes quietly

        MingaClient.Answer other = api.inEnglish().post(BASE + "/participants", SOMEONE_ELSE_AS_ANA);
        assertThat(other.status()).as(other.text()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("code").asText()).isEqualTo("participant.id-other-person");
        assertThat(other.json().get("detail").asText()).contains("\"ana\"").contains("another person").doesNotContain("Quispe");
        assertThat(api.post(BASE + "/participants", SOMEONE_ELSE_AS_ANA).json().get("detail").asText())
                .contains("otra persona");
        JsonNode ana = find(api.get(BASE + "/participants").json(), "ana");
        assertThat(ana.get("name").asText()).isEqualTo("Ana Quispe");
        assertThat(ana.get("phone").asText()).isEqualTo("+57 300 555 0199");

        api.delete(BASE + "/participants/ana/personal-data").expect(200);
        for (String again : new String[] {ANA, SOMEONE_ELSE_AS_ANA}) {
            MingaClient.Answer reimported = api.inEnglish().post(BASE + "/participants", again);
            assertThat(reimported.status()).as(reimported.text()).isEqualTo(409);
            assertThat(reimported.json().get("code").asText()).isEqualTo("participant.data-erased");
            assertThat(reimported.json().get("detail").asText()).contains("erased");
        }
        JsonNode erased = find(api.get(BASE + "/participants").json(), "ana");
        assertThat(erased.get("name").isNull()).isTrue();
        assertThat(erased.get("phone").isNull()).isTrue();
        assertThat(api.get(BASE + "/participants").text()).doesNotContain("Quispe", "Mamani", "555 0199", "000 1111");
        assertThat(api.delete(BASE + "/participants/ana/personal-data").status()).as("erasing twice changes nothing").isEqualTo(200);
        int expected = events;
        await().until(() -> api.get(BASE + "/history").json().size() >= expected);
        assertThat(api.get(BASE + "/history").json()).as("refused registrations append nothing").hasSize(events);
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
