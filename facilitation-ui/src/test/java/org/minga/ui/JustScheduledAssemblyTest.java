package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Read your own writes. A console asks for a projector link, the board or the agenda right after
 * scheduling, before the read models are written: it gets them, not a 404. A page reading right after
 * a command, with the position the command's answer gave, sees what the command did. An assembly
 * never scheduled still gets its 404 at once. The read models' processors are paused until the answer
 * comes or {@link #PAUSE} has passed, so the race a busy laptop runs by chance is lost every time
 * by a Minga that does not wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JustScheduledAssemblyTest {

    private static final Logger log = LoggerFactory.getLogger(JustScheduledAssemblyTest.class);
    /** The processors that write assembly summaries, boards and agendas. */
    private static final List<String> READ_MODELS = List.of("assemblies", "board", "agenda");
    private static final Path DATA_DIR = TestDataDirectories.fresh("just-scheduled");
    private static final String BASE = "/api/assemblies/" + ScriptedAssembly.ID;
    /** Well beyond what a 404 takes on a busy machine, well under what a read waits for the read models here. */
    private static final long PAUSE = 4000;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("minga.reads.catch-up", () -> "PT10S");
    }

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @AfterEach
    void readModelsRunAgain() {
        READ_MODELS.forEach(name -> processor(name).start());
    }

    @Test
    void aProjectorLinkAskedForBeforeTheSummaryIsWrittenIsCreatedOnceItIs() {
        MingaClient facilitator = client();
        pause(List.of("assemblies"));
        schedule(facilitator, "recien-link");

        MingaClient.Answer link = whilePaused(List.of("assemblies"),
                () -> facilitator.post("/api/assemblies/recien-link/links", "{\"kind\": \"projector\"}"));

        assertThat(link.status()).isEqualTo(201);
        assertThat(link.json().get("url").asText()).startsWith("/projector/recien-link?link=");
    }

    @Test
    void theBoardAndTheAgendaOfAnAssemblyJustScheduledAreWaitedFor() {
        MingaClient facilitator = client();
        pause(READ_MODELS);
        schedule(facilitator, "recien-tablero");

        MingaClient.Answer board = whilePaused(READ_MODELS, () -> facilitator.get("/api/assemblies/recien-tablero/board"));
        MingaClient.Answer agenda = facilitator.get("/api/assemblies/recien-tablero/agenda");

        assertThat(board.status()).isEqualTo(200);
        assertThat(board.json().get("assemblyId").asText()).isEqualTo("recien-tablero");
        assertThat(agenda.status()).isEqualTo(200);
    }

    @Test
    void aReadWithTheCommandsPositionShowsWhatTheCommandDid() {
        MingaClient facilitator = client();
        new ScriptedAssembly(facilitator).schedule().registerTwelve().split();
        facilitator.post(BASE + "/steps/needs/open", "{}").expect(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> facilitator.get(BASE + "/board").status() == 200);
        pause(List.of("board"));

        MingaClient.Answer need = facilitator.post(BASE + "/tables/t1/needs", "{\"pieceId\": \"ryw-1\", \"text\": \"Agua para la vereda\"}");
        MingaClient.Answer board = whilePaused(List.of("board"), () -> facilitator.afterPosition(need.position()).get(BASE + "/board"));

        assertThat(need.status()).isEqualTo(201);
        assertThat(need.position()).as("the command's answer says where the event store stood").matches("\\d+");
        assertThat(board.json().findValuesAsText("pieceId")).contains("ryw-1");
    }

    @Test
    void anAssemblyNeverScheduledIsUnknownAtOnce() {
        MingaClient facilitator = client();

        long start = System.nanoTime();
        MingaClient.Answer link = facilitator.post("/api/assemblies/nunca-programada/links", "{\"kind\": \"projector\"}");
        long linkMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        MingaClient.Answer board = facilitator.get("/api/assemblies/nunca-programada/board");
        long boardMillis = (System.nanoTime() - start) / 1_000_000;

        log.info("Measured: an assembly never scheduled answered 404 in {} ms (link) and {} ms (board)", linkMillis, boardMillis);
        assertThat(link.status()).isEqualTo(404);
        assertThat(link.json().get("code").asText()).isEqualTo("assembly.unknown");
        assertThat(board.status()).isEqualTo(404);
        // Nothing to wait for: well under the 10 s a known assembly's read model is waited for here.
        assertThat(linkMillis).isLessThan(2500);
        assertThat(boardMillis).isLessThan(2500);
    }

    private static void schedule(MingaClient facilitator, String assemblyId) {
        facilitator.post("/api/assemblies", """
                {"assemblyId": "%s", "title": "Asamblea recién programada", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "language": "es", "axes": [{"axisId": "credit", "title": "Crédito"}]}
                """.formatted(assemblyId)).expect(201);
    }

    private MingaClient client() {
        return new MingaClient("http://localhost:" + port);
    }

    private void pause(List<String> names) {
        names.forEach(name -> processor(name).shutDown());
    }

    /**
     * Sends {@code read} while the processors are paused and starts them again once it is answered or
     * {@link #PAUSE} has passed: a Minga that does not wait answers while they are paused.
     */
    private MingaClient.Answer whilePaused(List<String> names, Supplier<MingaClient.Answer> read) {
        long start = System.nanoTime();
        CompletableFuture<MingaClient.Answer> answer = CompletableFuture.supplyAsync(read);
        try {
            answer.get(PAUSE, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            // Minga waits for the read models: let them catch up.
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        long resumed = System.nanoTime();
        names.forEach(name -> processor(name).start());
        MingaClient.Answer answered = answer.join();
        log.info("Measured: answered {} ms after it was sent, {} ms after the paused read models {} started again",
                (System.nanoTime() - start) / 1_000_000, (System.nanoTime() - resumed) / 1_000_000, names);
        return answered;
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow();
    }
}
