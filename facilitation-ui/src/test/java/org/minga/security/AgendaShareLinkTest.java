package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.MingaClient;
import org.minga.ui.ScriptedAssembly;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The agenda shared on its own: a public link opens the agenda page without signing in and shows the
 * agenda, approved, with nothing about the people who made it; it reads nothing else and ends when
 * revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgendaShareLinkTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("agenda-share-link");
    private static final String BASE = "/api/assemblies/" + ScriptedAssembly.ID;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient facilitator;
    private ScriptedAssembly assembly;

    @BeforeAll
    void approveAnAgenda() {
        facilitator = new MingaClient("http://localhost:" + port);
        assembly = new ScriptedAssembly(facilitator).schedule().registerTwelve().split().writeNeeds().attachSolutions().planWork()
                .electAndPin().approveByVote();
        await().atMost(Duration.ofSeconds(10)).until(() -> "approved".equals(facilitator.get(BASE + "/agenda").json().get("status").asText()));
    }

    @Test
    void aPublicLinkOpensTheAgendaPageAndKeepsTheLinkInACookie() throws Exception {
        String url = publicLink().get("url").asText();
        assertThat(url).startsWith("/agenda/" + ScriptedAssembly.ID + "?link=");

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + url)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/agenda/" + ScriptedAssembly.ID);
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(CredentialCookies.LINK + "=").contains("Path=" + BASE));
    }

    @Test
    void itsHolderReadsTheApprovedAgendaWithNoParticipantData() {
        MingaClient holder = holderOf(publicLink());

        JsonNode agenda = holder.get(BASE + "/agenda").expect(200).json();
        JsonNode summary = holder.get(BASE).expect(200).json();
        String csv = holder.get(BASE + "/agenda.csv").expect(200).text();

        assertThat(agenda.get("status").asText()).isEqualTo("approved");
        assertThat(agenda.get("items")).isNotEmpty();
        assertThat(agenda.get("items").findValues("spokespersonId")).allSatisfy(id -> assertThat(id.isNull()).isTrue());
        assertThat(summary.get("title").asText()).isEqualTo("Asamblea del Valle");
        assertThat(summary.get("audience").asText()).isEqualTo("public");
        assertThat(summary.get("tables")).isNotEmpty();
        assertThat(summary.has("participantIds")).isFalse();
        assertThat(summary.findValues("memberIds")).isEmpty();
        assertThat(summary.findValues("spokespersonId")).isEmpty();
        assertThat(summary.findValues("leaderId")).isEmpty();
        for (String spokesperson : assembly.spokespeople().values()) {
            assertThat(agenda.toString() + summary + csv).doesNotContain("\"" + spokesperson + "\"").doesNotContain("," + spokesperson);
        }
    }

    @Test
    void itsHolderReadsNothingButTheAgenda() {
        MingaClient holder = holderOf(publicLink());

        for (String path : new String[] {"/board", "/board?sequence=2", "/board/stream", "/history", "/participation", "/participants",
                "/tables", "/tables/t1/members"}) {
            assertThat(holder.status("GET", BASE + path, null)).as(path).isEqualTo(403);
        }
        assertThat(holder.status("POST", BASE + "/links", "{\"kind\": \"public\"}")).isEqualTo(403);
        assertThat(holder.status("GET", "/api/assemblies", null)).isEqualTo(401);
    }

    @Test
    void aRevokedPublicLinkIsNobody() {
        JsonNode link = publicLink();
        MingaClient holder = holderOf(link);
        holder.get(BASE + "/agenda").expect(200);

        facilitator.delete(BASE + "/links/" + link.get("linkId").asText()).expect(200);

        assertThat(holder.status("GET", BASE + "/agenda", null)).isEqualTo(401);
    }

    @Test
    void facilitatorsStillReadTheWholeAgenda() {
        JsonNode agenda = facilitator.get(BASE + "/agenda").expect(200).json();

        assertThat(agenda.get("items").findValuesAsText("spokespersonId")).containsAnyElementsOf(assembly.spokespeople().values());
    }

    private JsonNode publicLink() {
        return facilitator.post(BASE + "/links", "{\"kind\": \"public\"}").expect(201).json();
    }

    private MingaClient holderOf(JsonNode link) {
        return facilitator.anonymous().withLink(link.get("url").asText().replaceAll(".*[?&]link=", ""));
    }
}
