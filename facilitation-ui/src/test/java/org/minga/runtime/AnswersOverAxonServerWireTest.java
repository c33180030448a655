package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.minga.runtime.wire.AxonServerWire;
import org.minga.ui.MingaClient;
import org.minga.ui.ScriptedAssembly;
import org.minga.ui.ServerSentEvents;
import org.minga.ui.ServerSentEvents.Event;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Axon Server, the instance that reads a board, an agenda or a history for a phone may not be
 * the one whose read models answer it: the query, its answer, a subscription's initial board and
 * each live change cross the wire as JSON (in every test, {@link AxonServerWire}). A list-shaped
 * answer lost its element type there and three endpoints answered 500 on every call (issue 15).
 * Here a whole assembly runs while a projector watches, then every read endpoint is asked and must
 * answer its real content, a query's refusal keeps its code, field and words in Spanish and English,
 * and every query handler on the bus must have answered across the wire, so a new one without a
 * read here fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnswersOverAxonServerWireTest {

    /** 1 schedule + 12 registrations + 1 split + 12 needs-step + 10 solutions + 10 work plan + 10 spokespeople + 3 plenary. */
    private static final int EVENTS = 59;
    /** The script's commands: opening a step also closes the open one, so there are fewer commands than events. */
    private static final int COMMANDS = 55;
    /** The events up to the work plans, when the projector starts watching. */
    private static final int BEFORE_SPOKESPEOPLE = EVENTS - 10 - 3;

    private static final Path DATA_DIR = TestDataDirectories.fresh("answers");

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
    private HttpResponse<Stream<String>> projector;
    private final List<Event> projected = new CopyOnWriteArrayList<>();

    /** The projector starts watching as the tables elect their spokespeople, and sees the plenary approve. */
    @BeforeAll
    void runTheAssemblyWhileAProjectorWatches() throws Exception {
        client = new MingaClient("http://localhost:" + port);
        base = "/api/assemblies/" + ScriptedAssembly.ID;
        ScriptedAssembly assembly = new ScriptedAssembly(client).schedule().registerTwelve().split().writeNeeds()
                .attachSolutions().planWork();
        await().untilAsserted(() -> assertThat(client.get(base + "/board").json().get("version").asLong()).isEqualTo(BEFORE_SPOKESPEOPLE - 1));
        projector = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(client.baseUrl() + base + "/board/stream"))
                        .header("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> ServerSentEvents.read(projector.body(), projected::add), "projector");
        reader.setDaemon(true);
        reader.start();
        await().until(() -> !projected.isEmpty());

        assembly.electAndPin().approveByVote();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.get(base + "/history").json()).hasSize(EVENTS);
            assertThat(client.get(base).json().get("version").asLong()).isEqualTo(EVENTS - 1);
            assertThat(client.get(base + "/agenda").json().get("status").asText()).isEqualTo("approved");
            assertThat(client.get(base + "/participation").json().get("seated").asInt()).isEqualTo(12);
            assertThat(projected).last().satisfies(event -> assertThat(event.data().path("status").asText()).isEqualTo("approved"));
        });
    }

    @AfterAll
    void projectorLeaves() {
        if (projector != null) {
            projector.body().close();
        }
    }

    @Test
    void theAssembliesListAndTheSummaryCrossWithTheirContent() {
        JsonNode list = client.get("/api/assemblies").expect(200).json();
        JsonNode summary = client.get(base).expect(200).json();

        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("assemblyId").asText()).isEqualTo(ScriptedAssembly.ID);
        assertThat(list.get(0).get("title").asText()).isEqualTo("Asamblea del Valle");
        assertThat(list.get(0).get("region").asText()).isEqualTo("Valle del Cauca");
        assertThat(list.get(0).get("date").asText()).isEqualTo("2026-03-14");
        assertThat(list.get(0).get("status").asText()).isEqualTo("approved");
        assertThat(summary.get("status").asText()).isEqualTo("approved");
        assertThat(summary.get("venue").asText()).isEqualTo("Coliseo");
        assertThat(summary.at("/horizon/from").asText()).isEqualTo("2024-01");
        assertThat(summary.at("/horizon/to").asText()).isEqualTo("2026-12");
        assertThat(summary.at("/step/current").asText()).isEqualTo("plenary");
        assertThat(summary.get("axes")).extracting(axis -> axis.get("axisId").asText()).containsExactly("credit", "training");
        assertThat(summary.at("/counts/participants").asInt()).isEqualTo(12);
        assertThat(summary.at("/counts/tables").asInt()).isEqualTo(4);
        assertThat(summary.at("/counts/pinnedTables").asInt()).isEqualTo(4);
    }

    @Test
    void peopleAndTablesCrossWithTheirNamesAndSeats() {
        JsonNode people = client.get(base + "/participants").expect(200).json();
        JsonNode tables = client.get(base + "/tables").expect(200).json();
        JsonNode members = client.get(base + "/tables/t1/members").expect(200).json();

        assertThat(people).hasSize(12);
        assertThat(people.get(0).get("participantId").asText()).isEqualTo("p01");
        assertThat(people.get(0).get("name").asText()).isEqualTo("Persona 1");
        assertThat(people.get(0).get("organization").asText()).isEqualTo("Asociación de Mujeres Rurales");
        assertThat(people.get(0).get("gender").asText()).isEqualTo("female");
        assertThat(people.get(0).get("area").asText()).isEqualTo("rural");
        assertThat(people.get(0).get("tableId").asText()).isEqualTo("t1");
        assertThat(people.get(11).get("gender").isNull()).isTrue();
        assertThat(tables).extracting(t -> t.get("tableId").asText()).containsExactly("t1", "t2", "t3", "t4");
        assertThat(tables).allSatisfy(t -> assertThat(t.get("pinned").asBoolean()).isTrue());
        assertThat(members).extracting(m -> m.get("name").asText()).containsExactly("Persona 1", "Persona 2", "Persona 3");
    }

    @Test
    void theLiveBoardCrossesWithEveryPieceItsSolutionAndPlan() {
        JsonNode board = client.get(base + "/board").expect(200).json();

        assertThat(board.get("version").asLong()).isEqualTo(EVENTS - 1);
        assertThat(board.get("status").asText()).isEqualTo("approved");
        assertThat(board.at("/step/current").asText()).isEqualTo("plenary");
        assertThat(board.get("axes")).extracting(axis -> axis.get("axisId").asText()).containsExactly("credit", "training");
        assertThat(board.findValues("pieceId")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "t1-n1", "t1-n2", "t2-n1", "t2-n3", "t3-n1", "t3-n2", "t4-n1", "t4-n2");
        JsonNode piece = board.at("/axes/0/tables/0/pieces/0");
        assertThat(piece.get("text").asText()).isEqualTo("Necesidad 1 de la t1");
        assertThat(piece.at("/solution/text").asText()).isEqualTo("Solución para t1-n1");
        assertThat(piece.at("/solution/cooperatingOrganizations")).extracting(JsonNode::asText)
                .containsExactly("Cooperativa La Esperanza", "Banco Comunal");
        assertThat(piece.at("/workPlan/when/from").asText()).isEqualTo("2025-01");
        assertThat(board.at("/axes/0/tables/0/spokespersonId").asText()).isEqualTo("p01");
    }

    @Test
    void theBoardAsItWasCrossesBySequenceAndByInstant() {
        JsonNode history = client.get(base + "/history").json();
        JsonNode withdrawnNeedAdded = StreamSupport.stream(history.spliterator(), false)
                .filter(e -> "t2-n2".equals(e.path("pieceId").asText()) && e.get("type").asText().equals("NeedPieceAddedEvent"))
                .findFirst().orElseThrow();
        long sequence = withdrawnNeedAdded.get("sequence").asLong();

        JsonNode then = client.get(base + "/board?sequence=" + sequence).expect(200).json();
        JsonNode thenByInstant = client.get(base + "/board?at=" + withdrawnNeedAdded.get("at").asText()).expect(200).json();

        assertThat(then.get("version").asLong()).isEqualTo(sequence);
        assertThat(then.at("/step/current").asText()).isEqualTo("needs");
        assertThat(then.findValues("pieceId")).extracting(JsonNode::asText).contains("t2-n2").doesNotContain("t2-n3");
        assertThat(then.findValues("solution")).allSatisfy(solution -> assertThat(solution.isNull()).isTrue());
        assertThat(thenByInstant.get("version").asLong()).isGreaterThanOrEqualTo(sequence);
        assertThat(thenByInstant.findValues("pieceId")).extracting(JsonNode::asText).contains("t2-n2");
    }

    /** The projector got the board on connect, then each change with the next revision, all across the wire. */
    @Test
    void theProjectorsStreamCrossedWithTheBoardThenEveryChange() {
        List<Event> events = new ArrayList<>(projected);

        assertThat(events).extracting(Event::name).containsExactly("board",
                "step", "step", "table", "table", "table", "table", "table", "table", "table", "table", "step", "step", "board");
        assertThat(events.get(0).data().at("/step/current").asText()).isEqualTo("work-plan");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).data().get("revision").asLong()).isEqualTo(events.get(0).data().get("revision").asLong() + i);
        }
        JsonNode pinned = events.get(4).data();
        assertThat(pinned.get("axisId").asText()).isEqualTo("credit");
        assertThat(pinned.at("/table/tableId").asText()).isEqualTo("t1");
        assertThat(pinned.at("/table/pinned").asBoolean()).isTrue();
        assertThat(pinned.at("/table/pieces/0/workPlan/who/0").asText()).isEqualTo("Cooperativa La Esperanza");
        assertThat(events.get(12).data().at("/step/current").asText()).isEqualTo("plenary");
        assertThat(events.get(13).data().get("status").asText()).isEqualTo("approved");
        // The whole board is asked as a query when the viewer connects; the changes come over the assembly's one subscription.
        assertThat(wire.queriesAnswered()).contains("org.minga.assembly.api.query.FindBoardQuery");
        assertThat(wire.updatesReceived()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void theAgendaCrossesInEveryFormat() {
        JsonNode agenda = client.get(base + "/agenda").expect(200).json();
        String csv = client.get(base + "/agenda.csv").expect(200).text();
        String csvInEnglish = client.inEnglish().get(base + "/agenda.csv").expect(200).text();
        String markdown = client.get(base + "/agenda.md").expect(200).text();
        String markdownInEnglish = client.inEnglish().get(base + "/agenda.md").expect(200).text();

        assertThat(agenda.get("status").asText()).isEqualTo("approved");
        assertThat(agenda.at("/approval/method").asText()).isEqualTo("vote");
        assertThat(agenda.at("/approval/inFavor").asInt()).isEqualTo(9);
        assertThat(agenda.at("/approval/approvedAt").asText()).isNotBlank();
        assertThat(agenda.get("items")).hasSize(8);
        JsonNode item = agenda.at("/items/0");
        assertThat(item.get("need").asText()).isEqualTo("Necesidad 1 de la t1");
        assertThat(item.get("solution").asText()).isEqualTo("Solución para t1-n1");
        assertThat(item.get("who")).extracting(JsonNode::asText).containsExactly("Cooperativa La Esperanza");
        assertThat(item.at("/when/to").asText()).isEqualTo("2025-06");
        assertThat(item.get("spokespersonId").asText()).isEqualTo("p01");
        assertThat(csv.lines()).hasSize(9);
        assertThat(csv).startsWith("\uFEFF\"eje\";\"mesa\";\"necesidad\"").contains("Solución para t2-n3");
        assertThat(csvInEnglish).contains("\"axis\";\"table\";\"need\";\"solution\"");
        assertThat(markdown).startsWith("# Acta de la asamblea: Asamblea del Valle")
                .contains("9 votos a favor, 2 en contra, 1 abstención").contains("Crédito sin garantías para mujeres rurales");
        assertThat(markdownInEnglish).contains("9 votes in favour, 2 against, 1 abstention.");
    }

    @Test
    void participationAndHistoryCrossInTheRequestsLanguage() {
        JsonNode participation = client.get(base + "/participation").expect(200).json();
        JsonNode history = client.get(base + "/history").expect(200).json();
        JsonNode historyInEnglish = client.inEnglish().get(base + "/history").expect(200).json();

        assertThat(participation.get("registered").asInt()).isEqualTo(12);
        assertThat(participation.get("seated").asInt()).isEqualTo(12);
        assertThat(participation.at("/breakdowns/gender")).extracting(c -> c.get("value").asText() + "=" + c.get("count").asInt())
                .containsExactlyInAnyOrder("female=6", "male=5", "unknown=1");
        assertThat(participation.get("axes")).extracting(axis -> axis.get("seated").asInt()).containsExactly(6, 6);
        assertThat(history).hasSize(EVENTS);
        assertThat(history).extracting(e -> e.get("sequence").asLong()).isSorted();
        assertThat(history.get(0).get("type").asText()).isEqualTo("AssemblyScheduledEvent");
        assertThat(history.get(0).get("summary").asText()).contains("Asamblea del Valle");
        assertThat(history.get(EVENTS - 1).get("type").asText()).isEqualTo("AgendaApprovedEvent");
        assertThat(historyInEnglish).hasSize(EVENTS);
        assertThat(historyInEnglish.get(0).get("summary").asText()).isNotEqualTo(history.get(0).get("summary").asText());
    }

    /** The time-travel query itself refuses; its refusal crosses as details and is rebuilt where the request arrived. */
    @Test
    void aQuerysRefusalKeepsItsCodeFieldAndWordsInBothLanguages() {
        MingaClient.Answer spanish = client.get(base + "/board?sequence=-3");
        MingaClient.Answer english = client.inEnglish().get(base + "/board?sequence=-3");
        MingaClient.Answer both = client.inEnglish().get(base + "/board?sequence=1&at=2026-03-14T13:00:00Z");
        MingaClient.Answer unknownSpanish = client.get("/api/assemblies/nowhere/board?sequence=0");
        MingaClient.Answer unknownEnglish = client.inEnglish().get("/api/assemblies/nowhere/board?sequence=0");

        assertThat(spanish.status()).isEqualTo(400);
        assertThat(spanish.contentType()).startsWith("application/problem+json");
        assertThat(spanish.json().get("code").asText()).isEqualTo("number.out-of-range");
        assertThat(spanish.json().get("field").asText()).isEqualTo("sequence");
        assertThat(spanish.json().get("detail").asText()).isEqualTo("«número de evento» debe estar entre 0 y 9.223.372.036.854.775.807; se recibió -3.");
        assertThat(english.json().get("detail").asText()).isEqualTo("\"event number\" must be between 0 and 9,223,372,036,854,775,807; got -3.");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("code").asText()).isEqualTo("value.unknown");
        assertThat(both.json().get("field").asText()).isEqualTo("at");
        assertThat(both.json().get("detail").asText()).isEqualTo("\"2026-03-14T13:00:00Z\" is not a valid value for \"moment\".");
        assertThat(unknownSpanish.status()).isEqualTo(404);
        assertThat(unknownSpanish.json().get("code").asText()).isEqualTo("assembly.unknown");
        assertThat(unknownSpanish.json().get("detail").asText()).isEqualTo("No existe la asamblea «nowhere».");
        assertThat(unknownEnglish.json().get("detail").asText()).isEqualTo("There is no assembly \"nowhere\".");
    }

    /** A read model that does not know an assembly answers nothing, and nothing crosses as nothing. */
    @Test
    void anAssemblyNoReadModelKnowsIsStillUnknownAfterCrossing() {
        for (String path : List.of("", "/board", "/agenda", "/participation", "/history", "/participants")) {
            MingaClient.Answer answer = client.inEnglish().get("/api/assemblies/nowhere" + path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().get("detail").asText()).as(path).isEqualTo("There is no assembly \"nowhere\".");
        }
    }

    /** Runs last: by now every read above has been answered across the wire. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyQueryHandlerOnTheBusAnsweredAcrossTheWireAndNothingChangedOnTheWay() {
        assertThat(wire.queryHandlers()).isNotEmpty();
        assertThat(wire.queriesAnswered()).isEqualTo(wire.queryHandlers());
        assertThat(wire.commandOutcomesReceived()).isGreaterThanOrEqualTo(COMMANDS);
        assertThat(wire.damage()).isEmpty();
    }
}
