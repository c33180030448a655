package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Request bodies are read strictly: a key given twice or a field the command does not have is bad
 * input naming it (400 problem+json), never a 500 nor a field quietly ignored; years stay in a sane range.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictRequestBodiesTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("strict-bodies");
    private static final String A = "/api/assemblies/" + ScriptedAssembly.ID;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    MingaClient api;

    @BeforeEach
    void assemblyWithANeed() {
        api = new MingaClient("http://localhost:" + port);
        if (api.get(A).status() == 404) {
            new ScriptedAssembly(api).schedule().registerTwelve().split();
            api.post(A + "/steps/needs/open", "{}").expect(200);
            api.post(A + "/tables/t1/needs", "{\"pieceId\": \"n1\", \"text\": \"Crédito\"}").expect(201);
        }
    }

    @Test
    void aKeyGivenTwiceIsBadInputNamingIt() {
        MingaClient.Answer join = api.anonymous().post("/api/join", "{\"code\": \"A\", \"code\": \"B\"}");
        assertBadInput(join, "field.duplicate", "code");

        List<String[]> requests = List.of(
                new String[] {"POST", "/api/assemblies", """
                        {"assemblyId": "dup", "title": "Uno", "title": "Dos", "region": "Cauca", "date": "2026-03-14",
                         "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""", "title"},
                new String[] {"POST", A + "/participants", "{\"participantId\": \"dup\", \"name\": \"Ana\", \"name\": \"Eva\", \"organization\": \"Coop\"}", "name"},
                new String[] {"POST", A + "/tables/t1/needs", "{\"pieceId\": \"n2\", \"text\": \"a\", \"text\": \"b\"}", "text"},
                new String[] {"PUT", A + "/tables/t1/needs/n1", "{\"text\": \"a\", \"text\": \"b\"}", "text"},
                new String[] {"PUT", A + "/tables/t1/needs/n1/work-plan",
                        "{\"who\": [\"Coop\"], \"when\": {\"from\": \"2026-01\", \"from\": \"2026-02\", \"to\": \"2026-05\"}}", "when.from"},
                new String[] {"POST", A + "/agenda/approval", "{\"method\": \"vote\", \"method\": \"consensus\"}", "method"});
        List<String> wrong = new ArrayList<>();
        for (String[] request : requests) {
            MingaClient.Answer answer = api.send(request[0], request[1], request[2]);
            if (answer.status() != 400 || answer.json() == null || !request[3].equals(answer.json().path("field").asText())) {
                wrong.add(request[0] + " " + request[1] + " -> " + answer.status() + " " + answer.text());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsBadInputNamingIt() {
        assertBadInput(api.post(A + "/tables/t1/needs", "{\"pieceId\": \"n3\", \"text\": \"Agua\", \"priority\": 1}"),
                "field.unknown", "priority");
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "extra", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027", "until": "2030"}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "field.unknown", "horizon.until");
        assertBadInput(api.post(A + "/participants", "{\"participantId\": \"x1\", \"name\": \"Ana\", \"organization\": \"Coop\", \"dni\": \"123\"}"),
                "field.unknown", "dni");
        assertBadInput(api.post(A + "/agenda/approval", "{\"method\": \"consensus\", \"quorum\": 50}"), "field.unknown", "quorum");
        assertBadInput(api.anonymous().post("/api/join", "{\"code\": \"ZZZZZZ\", \"table\": \"t1\"}"), "field.unknown", "table");
        MingaClient.Answer english = api.inEnglish().post(A + "/tables/t1/needs", "{\"text\": \"Agua\", \"colour\": \"blue\"}");
        assertThat(english.json().get("detail").asText()).contains("\"colour\"");
        assertThat(api.get(A + "/board").text()).doesNotContain("Agua");
    }

    @Test
    void yearsOutsideThisCenturyAreBadInputNamingTheField() {
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "old", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "-2024-01", "to": "2026-12"}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "year.out-of-range", "horizon.from");
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "old", "title": "Uno", "region": "Cauca", "date": "1026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "year.out-of-range", "date");
        MingaClient.Answer english = api.inEnglish().post("/api/assemblies", """
                {"assemblyId": "old", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "9999"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""");
        assertBadInput(english, "year.out-of-range", "horizon.to");
        assertThat(english.json().get("detail").asText()).contains("9999").contains("2000").contains("2100");
        assertThat(api.get("/api/assemblies/old").status()).isEqualTo(404);
    }

    @Test
    void aYearTypedAsANumberIsTakenAsTheYear() {
        api.post("/api/assemblies", """
                {"assemblyId": "numbers", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": 2025, "to": 2027}, "axes": [{"axisId": "a", "title": "Crédito"}]}""").expect(201);

        MingaClient.Answer summary = api.get("/api/assemblies/numbers").expect(200);
        assertThat(summary.json().at("/horizon/from").asText()).isEqualTo("2025-01");
        assertThat(summary.json().at("/horizon/to").asText()).isEqualTo("2027-12");
    }

    @Test
    void aYearThatIsNotAWholeNumberOfThisCenturyIsStillBadInputNamingTheField() {
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "fraction", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": 2025.5, "to": 2027}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "request.malformed", "horizon.from");
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "yes", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": 2025, "to": true}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "request.malformed", "horizon.to");
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "early", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": 1999, "to": 2027}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "year.out-of-range", "horizon.from");
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "late", "title": "Uno", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": 2025, "to": 20270}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "year.out-of-range", "horizon.to");
        // Elsewhere a number where text is expected stays bad input.
        assertBadInput(api.post("/api/assemblies", """
                {"assemblyId": "numbered", "title": 2025, "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": 2025, "to": 2027}, "axes": [{"axisId": "a", "title": "Crédito"}]}"""),
                "request.malformed", "title");
        for (String id : new String[] {"fraction", "yes", "early", "late", "numbered"}) {
            assertThat(api.get("/api/assemblies/" + id).status()).as(id).isEqualTo(404);
        }
    }

    private static void assertBadInput(MingaClient.Answer answer, String code, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).as(answer.text()).isEqualTo(code);
        assertThat(answer.json().get("field").asText()).isEqualTo(field);
    }
}
