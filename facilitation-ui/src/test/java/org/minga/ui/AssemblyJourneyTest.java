package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole assembly through the REST API on the real wiring (Axon, an H2 file, the embedded
 * MongoDB), then every read model checked field by field as the people in the room read them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssemblyJourneyTest {

    /** 1 schedule + 12 registrations + 1 split + 12 needs-step + 10 solutions + 10 work plan + 10 spokespeople + 3 plenary. */
    private static final int EVENTS = 59;

    private static final Path DATA_DIR = TestDataDirectories.fresh("journey");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient client;
    private ScriptedAssembly assembly;
    private String base;

    @BeforeAll
    void runTheAssembly() {
        client = new MingaClient("http://localhost:" + port);
        base = "/api/assemblies/" + ScriptedAssembly.ID;
        assembly = new ScriptedAssembly(client).schedule().registerTwelve().split().writeNeeds()
                .attachSolutions().planWork().electAndPin().approveByVote();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(client.get(base + "/history").json()).hasSize(EVENTS);
            assertThat(client.get(base + "/board").json().get("version").asLong()).isEqualTo(EVENTS - 1);
            assertThat(client.get(base + "/agenda").json().get("status").asText()).isEqualTo("approved");
            assertThat(client.get(base).json().get("version").asLong()).isEqualTo(EVENTS - 1);
        });
    }

    @Test
    void theFacilitatorGivesTheRunningStepMoreTimeAndTheHistoryTellsIt() {
        String other = "/api/assemblies/journey-time";
        client.post("/api/assemblies", """
                {"assemblyId": "journey-time", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);
        client.post(other + "/participants", "{\"participantId\": \"p1\", \"name\": \"Ana\", \"organization\": \"Coop\"}").expect(201);
        client.post(other + "/split-into-tables", "{}").expect(200);
        client.post(other + "/steps/needs/open", "{\"minutes\": 10}").expect(200);
        await().until(() -> client.get(other + "/board").json().at("/step/open").asBoolean());
        Instant deadline = Instant.parse(client.get(other + "/board").json().at("/step/deadline").asText());

        client.post(other + "/steps/needs/extend", "{\"minutes\": 5}").expect(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> client.get(other + "/board").json().at("/step/deadline").asText()
                .equals(deadline.plusSeconds(300).toString()));
        MingaClient.Answer notRunning = client.post(other + "/steps/solutions/extend", "{\"minutes\": 5}");
        assertThat(notRunning.status()).isEqualTo(409);
        assertThat(notRunning.json().get("code").asText()).isEqualTo("step.not-open");
        assertThat(client.post(other + "/steps/needs/extend", "{}").status()).isEqualTo(400);
        assertThat(client.post(base + "/steps/plenary/extend", "{\"minutes\": 5}").json().get("code").asText())
                .isEqualTo("agenda.approved");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.get(other + "/history").json().findValues("summary"))
                .extracting(JsonNode::asText).contains("El paso «necesidades» tuvo 5 minutos más."));
    }

    @Test
    void theBoardShowsEveryTablesPinnedPuzzle() {
        JsonNode board = client.get(base + "/board").expect(200).json();

        assertThat(board.get("status").asText()).isEqualTo("approved");
        assertThat(board.at("/step/current").asText()).isEqualTo("plenary");
        assertThat(board.at("/step/open").asBoolean()).isTrue();
        assertThat(board.get("axes")).extracting(a -> a.get("axisId").asText()).containsExactly("credit", "training");
        assertThat(board.at("/axes/0/tables")).extracting(t -> t.get("tableId").asText()).containsExactly("t1", "t2");
        assertThat(board.at("/axes/1/tables")).extracting(t -> t.get("tableId").asText()).containsExactly("t3", "t4");

        JsonNode mesa2 = board.at("/axes/0/tables/1");
        assertThat(mesa2.get("label").asText()).isEqualTo("Mesa 2");
        assertThat(mesa2.get("pinned").asBoolean()).isTrue();
        assertThat(mesa2.get("spokespersonId").asText()).isEqualTo(assembly.spokespeople().get("t2"));
        assertThat(mesa2.get("pieces")).extracting(p -> p.get("pieceId").asText()).containsExactly("t2-n1", "t2-n3");
        JsonNode piece = mesa2.at("/pieces/1");
        assertThat(piece.get("kind").asText()).isEqualTo("need");
        assertThat(piece.get("text").asText()).isEqualTo("Crédito sin garantías para mujeres rurales");
        assertThat(piece.at("/solution/text").asText()).isEqualTo("Solución para t2-n3");
        assertThat(piece.at("/solution/cooperatingOrganizations")).extracting(JsonNode::asText)
                .containsExactly("Cooperativa La Esperanza", "Banco Comunal");
        assertThat(piece.at("/workPlan/who")).extracting(JsonNode::asText).containsExactly("Cooperativa La Esperanza");
        assertThat(piece.at("/workPlan/when/from").asText()).isEqualTo("2025-01");
        assertThat(piece.at("/workPlan/when/to").asText()).isEqualTo("2025-06");
        assertThat(board.at("/axes/1/tables/0/pieces/0/text").asText()).isEqualTo("Formación contable para cooperativas");
    }

    @Test
    void theApprovedAgendaListsEveryPinnedNeedWithHowThePlenaryDecided() {
        JsonNode agenda = client.get(base + "/agenda").expect(200).json();

        assertThat(agenda.get("assemblyId").asText()).isEqualTo(ScriptedAssembly.ID);
        assertThat(agenda.get("status").asText()).isEqualTo("approved");
        assertThat(agenda.at("/approval/method").asText()).isEqualTo("vote");
        assertThat(agenda.at("/approval/inFavor").asInt()).isEqualTo(9);
        assertThat(agenda.at("/approval/against").asInt()).isEqualTo(2);
        assertThat(agenda.at("/approval/abstentions").asInt()).isEqualTo(1);
        assertThat(agenda.at("/approval/approvedAt").asText()).isNotBlank();
        assertThat(agenda.get("items")).extracting(i -> i.get("needPieceId").asText())
                .containsExactlyElementsOf(assembly.allLiveNeeds());
        JsonNode item = agenda.at("/items/3");
        assertThat(item.get("axisId").asText()).isEqualTo("credit");
        assertThat(item.get("tableId").asText()).isEqualTo("t2");
        assertThat(item.get("need").asText()).isEqualTo("Crédito sin garantías para mujeres rurales");
        assertThat(item.get("solution").asText()).isEqualTo("Solución para t2-n3");
        assertThat(item.get("who")).extracting(JsonNode::asText).containsExactly("Cooperativa La Esperanza");
        assertThat(item.at("/when/from").asText()).isEqualTo("2025-01");
        assertThat(item.get("spokespersonId").asText()).isEqualTo(assembly.spokespeople().get("t2"));
    }

    @Test
    void theAgendaDownloadsAsCsvAndMarkdown() {
        MingaClient.Answer csv = client.get(base + "/agenda.csv").expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.get(0)).startsWith("\uFEFF\"eje\";\"mesa\";\"necesidad\"");
        assertThat(lines.get(4)).contains("\"Crédito sin garantías para mujeres rurales\"", "\"2025-01\"").endsWith(";\"t2-n3\"");

        MingaClient.Answer markdown = client.inEnglish().get(base + "/agenda.md").expect(200);
        assertThat(markdown.text()).contains("# Minutes of the assembly: Asamblea del Valle",
                "by vote on ", ": 9 votes in favour, 2 against, 1 abstention.",
                "### Acceso a crédito para la economía popular", "**Crédito sin garantías para mujeres rurales**",
                "   - Solution: Solución para t2\\-n3");
    }

    @Test
    void participationCountsPeopleByTheFormsAttributesPerAxisAndTable() {
        JsonNode participation = client.get(base + "/participation").expect(200).json();

        assertThat(participation.get("registered").asInt()).isEqualTo(12);
        assertThat(participation.get("seated").asInt()).isEqualTo(12);
        assertThat(counts(participation.at("/breakdowns/gender"))).containsExactly("female=6", "male=5", "unknown=1");
        assertThat(participation.at("/breakdowns/gender/0/share").asDouble()).isEqualTo(0.5);
        assertThat(counts(participation.at("/breakdowns/area"))).containsExactly("rural=6", "urban=6");
        assertThat(counts(participation.at("/breakdowns/ageGroup"))).containsExactly("30-44=12");
        assertThat(participation.at("/axes/0/axisId").asText()).isEqualTo("credit");
        assertThat(participation.at("/axes/0/seated").asInt()).isEqualTo(6);
        assertThat(participation.at("/axes/0/tables")).extracting(t -> t.get("seated").asInt()).containsExactly(3, 3);
        assertThat(participation.toString()).doesNotContain("Persona");
    }

    @Test
    void historyTellsEveryEventInOrderInSpanishAndEnglish() {
        JsonNode spanish = client.get(base + "/history").expect(200).json();
        JsonNode english = client.inEnglish().get(base + "/history").expect(200).json();

        assertThat(spanish).extracting(e -> e.get("sequence").asInt()).containsExactlyElementsOf(range(EVENTS));
        assertThat(spanish.get(0).get("type").asText()).isEqualTo("AssemblyScheduledEvent");
        assertThat(spanish.get(0).get("summary").asText())
                .isEqualTo("Se programó la asamblea «Asamblea del Valle» en Valle del Cauca para el 2026-03-14, con 2 ejes temáticos.");
        // The script votes 9 in favour, 2 against and 1 abstention: one abstention is singular.
        assertThat(spanish.get(EVENTS - 1).get("summary").asText())
                .isEqualTo("El plenario aprobó por votación la agenda de 8 puntos: 9 a favor, 2 en contra, 1 abstención.");
        assertThat(english.get(EVENTS - 1).get("summary").asText())
                .isEqualTo("The plenary approved the agenda of 8 items by vote: 9 in favour, 2 against, 1 abstention.");
        JsonNode withdrawal = find(spanish, "NeedPieceWithdrawnEvent");
        assertThat(withdrawal.get("tableId").asText()).isEqualTo("t2");
        assertThat(withdrawal.get("pieceId").asText()).isEqualTo("t2-n2");
        assertThat(withdrawal.get("summary").asText()).isEqualTo("Mesa 2 retiró la necesidad «Necesidad 2 de la t2».");
        assertThat(withdrawal.get("need").asText()).isEqualTo("Necesidad 2 de la t2");
        assertThat(find(english, "NeedPieceWithdrawnEvent").get("summary").asText())
                .isEqualTo("Mesa 2 withdrew the need \"Necesidad 2 de la t2\".");
        assertThat(spanish.toString()).doesNotContain("Persona");
        // What an auditor reads names no one and no piece by an internal id.
        assertThat(spanish.findValues("summary")).extracting(JsonNode::asText)
                .noneMatch(summary -> summary.contains("t2-n2") || assembly.spokespeople().values().stream().anyMatch(summary::contains));
        assertThat(find(spanish, "SpokespersonElectedEvent").get("summary").asText()).endsWith(" eligió su vocería.");
    }

    /** Pages match these words, not class names: twelve registrations, four tables of three that each elect and pin once. */
    @Test
    void historyEntriesSayWhatHappenedInStableKinds() {
        JsonNode history = client.get(base + "/history").expect(200).json();

        assertThat(history.get(0).get("kind").asText()).isEqualTo("assembly-scheduled");
        assertThat(kinds(history, "participant-registered")).isEqualTo(12);
        assertThat(kinds(history, "tables-formed")).isEqualTo(1);
        assertThat(kinds(history, "spokesperson-elected")).isEqualTo(4);
        assertThat(kinds(history, "table-pinned")).isEqualTo(4);
        assertThat(find(history, "NeedPieceWithdrawnEvent").get("kind").asText()).isEqualTo("need-withdrawn");
        assertThat(history.get(EVENTS - 1).get("kind").asText()).isEqualTo("agenda-approved");
        assertThat(history.findValues("kind")).extracting(JsonNode::asText).hasSize(EVENTS).doesNotContain("other");
    }

    @Test
    void theSummaryTablesAndParticipantsServeTheFacilitator() {
        JsonNode summary = client.get(base).expect(200).json();
        assertThat(summary.get("status").asText()).isEqualTo("approved");
        assertThat(summary.at("/counts/participants").asInt()).isEqualTo(12);
        assertThat(summary.at("/counts/seated").asInt()).isEqualTo(12);
        assertThat(summary.at("/counts/tables").asInt()).isEqualTo(4);
        assertThat(summary.at("/counts/needs").asInt()).isEqualTo(8);
        assertThat(summary.at("/counts/pinnedTables").asInt()).isEqualTo(4);

        JsonNode list = client.get("/api/assemblies").expect(200).json();
        assertThat(list).extracting(a -> a.get("assemblyId").asText()).contains(ScriptedAssembly.ID);

        JsonNode tables = client.get(base + "/tables").expect(200).json();
        assertThat(tables).hasSize(4);
        assertThat(tables.get(0).get("memberIds")).extracting(JsonNode::asText).containsExactly("p01", "p02", "p03");
        assertThat(tables.get(0).get("spokespersonId").asText()).isEqualTo("p01");

        JsonNode people = client.get(base + "/participants").expect(200).json();
        assertThat(people).hasSize(12);
        assertThat(people.get(0).get("name").asText()).isEqualTo("Persona 1");
        assertThat(people.get(0).get("organization").asText()).isEqualTo("Asociación de Mujeres Rurales");
        assertThat(people.get(0).get("tableId").asText()).isEqualTo("t1");
    }

    @Test
    void theBoardAtAnEarlierSequenceShowsExactlyThePiecesThatExistedThen() {
        JsonNode history = client.get(base + "/history").json();
        JsonNode secondNeedOfMesa1 = StreamSupport.stream(history.spliterator(), false)
                .filter(e -> "t1-n2".equals(e.path("pieceId").asText()) && e.get("type").asText().equals("NeedPieceAddedEvent"))
                .findFirst().orElseThrow();
        long sequence = secondNeedOfMesa1.get("sequence").asLong();

        JsonNode then = client.get(base + "/board?sequence=" + sequence).expect(200).json();
        JsonNode thenByInstant = client.get(base + "/board?at=" + secondNeedOfMesa1.get("at").asText()).expect(200).json();

        assertThat(then.get("version").asLong()).isEqualTo(sequence);
        assertThat(then.get("status").asText()).isEqualTo("running");
        assertThat(then.at("/step/current").asText()).isEqualTo("needs");
        assertThat(piecesOf(then)).containsExactly("t1:t1-n1", "t1:t1-n2");
        assertThat(then.at("/axes/0/tables/0/pieces/0/solution").isNull()).isTrue();
        assertThat(then.at("/axes/0/tables/0/pinned").asBoolean()).isFalse();
        assertThat(thenByInstant).isEqualTo(then);
        assertThat(piecesOf(client.get(base + "/board?sequence=0").json())).isEmpty();
    }

    @Test
    void aRefusedCommandAnswersInTheRequestsLanguageAndAppendsNothing() {
        MingaClient.Answer spanish = client.post(base + "/tables/t1/needs", "{\"pieceId\": \"late\", \"text\": \"Una idea tardía\"}");
        MingaClient.Answer english = client.inEnglish().post(base + "/tables/t1/needs", "{\"pieceId\": \"late\", \"text\": \"Una idea tardía\"}");
        MingaClient.Answer empty = client.post(base + "/tables/t1/needs", "{\"pieceId\": \"late\", \"text\": \"  \"}");
        MingaClient.Answer unknownTable = client.inEnglish().post(base + "/tables/t9/needs", "{\"pieceId\": \"late\", \"text\": \"Idea\"}");

        assertThat(spanish.status()).isEqualTo(409);
        assertThat(spanish.contentType()).startsWith("application/problem+json");
        assertThat(spanish.json().get("code").asText()).isEqualTo("agenda.approved");
        assertThat(spanish.json().get("detail").asText()).isEqualTo("La agenda ya fue aprobada y está congelada.");
        assertThat(english.json().get("detail").asText()).isEqualTo("The agenda is already approved and frozen.");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asText()).isEqualTo("text");
        assertThat(unknownTable.status()).isEqualTo(404);
        assertThat(unknownTable.json().get("detail").asText()).isEqualTo("There is no table \"t9\" in this assembly.");
        assertThat(client.get(base + "/history").json()).hasSize(EVENTS);
    }

    @Test
    void aRequestThatNamesNoLanguageOrOneMingaLacksIsAnsweredInSpanish() {
        String lateNeed = "{\"pieceId\": \"late\", \"text\": \"Una idea tardía\"}";
        MingaClient.Answer unnamed = client.inLanguage(null).post(base + "/tables/t1/needs", lateNeed);
        MingaClient.Answer german = client.inLanguage("de-DE,de;q=0.9").post(base + "/tables/t1/needs", lateNeed);
        MingaClient.Answer english = client.inLanguage("en").post(base + "/tables/t1/needs", lateNeed);

        for (MingaClient.Answer spanish : List.of(unnamed, german)) {
            assertThat(spanish.status()).isEqualTo(409);
            assertThat(spanish.json().get("title").asText()).isEqualTo("No lo permite el método");
            assertThat(spanish.json().get("detail").asText()).isEqualTo("La agenda ya fue aprobada y está congelada.");
        }
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.json().get("title").asText()).isEqualTo("Not allowed by the method");
        assertThat(english.json().get("detail").asText()).isEqualTo("The agenda is already approved and frozen.");
    }

    /** K'iche' ships a catalogue with its name only: a K'iche' reader gets Spanish key by key, not their next language. */
    @Test
    void aRequestInKicheReadsSpanishWhereKicheHasNoWords() {
        String lateNeed = "{\"pieceId\": \"late\", \"text\": \"Una idea tardía\"}";
        MingaClient.Answer kiche = client.inLanguage("quc").post(base + "/tables/t1/needs", lateNeed);
        MingaClient.Answer kicheThenEnglish = client.inLanguage("quc,en;q=0.9").post(base + "/tables/t1/needs", lateNeed);

        for (MingaClient.Answer spanish : List.of(kiche, kicheThenEnglish)) {
            assertThat(spanish.status()).isEqualTo(409);
            assertThat(spanish.json().get("title").asText()).isEqualTo("No lo permite el método");
            assertThat(spanish.json().get("detail").asText()).isEqualTo("La agenda ya fue aprobada y está congelada.");
        }
        assertThat(client.inLanguage("quc").get(base + "/history").json().get(0).get("summary").asText())
                .isEqualTo(client.inLanguage("es").get(base + "/history").json().get(0).get("summary").asText())
                .startsWith("Se programó la asamblea");
    }

    @Test
    void anAssemblyNobodyScheduledIsNotFoundForCommandsAndReads() {
        MingaClient.Answer command = client.post("/api/assemblies/nowhere/tables/t1/needs", "{\"text\": \"Idea\"}");
        MingaClient.Answer read = client.inEnglish().get("/api/assemblies/nowhere/agenda");

        assertThat(command.status()).isEqualTo(404);
        assertThat(command.json().get("code").asText()).isEqualTo("assembly.unknown");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("detail").asText()).isEqualTo("There is no assembly \"nowhere\".");
    }

    @Test
    void theAppPublishesItsRestContractAsOpenApi() {
        JsonNode openApi = client.get("/api/openapi").expect(200).json();

        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        assertThat(openApi.get("paths").has("/api/assemblies/{assemblyId}/tables/{tableId}/needs")).isTrue();
        assertThat(openApi.get("paths").has("/api/assemblies/{assemblyId}/board/stream")).isTrue();
    }

    private static List<String> counts(JsonNode counts) {
        return StreamSupport.stream(counts.spliterator(), false)
                .map(c -> c.get("value").asText() + "=" + c.get("count").asInt())
                .toList();
    }

    private static List<String> piecesOf(JsonNode board) {
        List<String> pieces = new ArrayList<>();
        for (JsonNode axis : board.get("axes")) {
            for (JsonNode table : axis.get("tables")) {
                table.get("pieces").forEach(p -> pieces.add(table.get("tableId").asText() + ":" + p.get("pieceId").asText()));
            }
        }
        return pieces;
    }

    private static long kinds(JsonNode history, String kind) {
        return StreamSupport.stream(history.spliterator(), false).filter(e -> e.get("kind").asText().equals(kind)).count();
    }

    private static JsonNode find(JsonNode history, String type) {
        return StreamSupport.stream(history.spliterator(), false)
                .filter(e -> e.get("type").asText().equals(type))
                .findFirst().orElseThrow();
    }

    private static List<Integer> range(int size) {
        return java.util.stream.IntStream.range(0, size).boxed().toList();
    }
}
