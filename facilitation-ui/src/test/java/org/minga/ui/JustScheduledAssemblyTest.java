package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.runtime.ReadPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Read your own writes. A console asks for a projector link, the board or the agenda right after
 * scheduling, before the read models are written: it gets them, not a 404. A page reading right after
 * a command, with the position the command's answer gave, sees what the command did. An assembly
 * never scheduled still gets its 404 at once. The read models' processors stay paused until the read is
 * known to be waiting for them (it asked the read model again after it said nothing, or it waits for the
 * command's position) or it was answered: the race a busy laptop runs by chance is lost every time by a
 * Minga that does not wait, however slow the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JustScheduledAssemblyTest {

    private static final Logger log = LoggerFactory.getLogger(JustScheduledAssemblyTest.class);
    /** The processors that write assembly summaries, boards and agendas. */
    private static final List<String> READ_MODELS = List.of("assemblies", "board", "agenda");
    private static final Path DATA_DIR = TestDataDirectories.fresh("just-scheduled");
    private static final String BASE = "/api/assemblies/" + ScriptedAssembly.ID;
    /** A safety net only: a read waits or is answered long before. */
    private static final Duration GENEROUSLY = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("minga.reads.catch-up", () -> "PT10S");
    }

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    QueryBus queryBus;

    @MockitoSpyBean
    ReadPositions positions;

    /** How many times each query was asked since {@link #whilePaused} sent its read. */
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    /** Counted down once the read sent by {@link #whilePaused} is known to wait for the read models. */
    private final AtomicReference<CountDownLatch> waiting = new AtomicReference<>(new CountDownLatch(1));
    private Registration askedAgain;

    @BeforeEach
    void noticeAReadWaitingForTheReadModels() {
        // Waiting for a command's position.
        doAnswer(call -> {
            waiting.get().countDown();
            return call.callRealMethod();
        }).when(positions).awaitPassed(anyCollection(), anyLong(), any(Duration.class));
        // Waiting for a read model to learn of an assembly: it is asked again after it said nothing.
        MessageDispatchInterceptor<QueryMessage<?, ?>> counting = queries -> (index, query) -> {
            if (asked.merge(query.getPayload().toString(), 1, Integer::sum) > 1) {
                waiting.get().countDown();
            }
            return query;
        };
        askedAgain = queryBus.registerDispatchInterceptor(counting);
    }

    @AfterEach
    void readModelsRunAgain() {
        askedAgain.cancel();
        READ_MODELS.forEach(name -> processor(name).start());
    }

    @Test
    void aProjectorLinkAskedForBeforeTheSummaryIsWrittenIsCreatedOnceItIs() {
        MingaClient facilitator = client();
        pause(List.of("assemblies"));
        schedule(facilitator, "recien-link");

        MingaClient.Answer link = whilePaused(List.of("assemblies"),
                () -> facilitator.post("/api/assemblies/recien-link/links", "{\"kind\": \"projector\"}"));

        assertThat(link.status()).as("status of the projector link asked for right after scheduling").isEqualTo(201);
        assertThat(link.json().get("url").asText()).startsWith("/projector/recien-link?link=");
    }

    @Test
    void theBoardAndTheAgendaOfAnAssemblyJustScheduledAreWaitedFor() {
        MingaClient facilitator = client();
        pause(READ_MODELS);
        schedule(facilitator, "recien-tablero");

        MingaClient.Answer board = whilePaused(READ_MODELS, () -> facilitator.get("/api/assemblies/recien-tablero/board"));
        MingaClient.Answer agenda = facilitator.get("/api/assemblies/recien-tablero/agenda");

        assertThat(board.status()).as("status of the board read right after scheduling").isEqualTo(200);
        assertThat(board.json().get("assemblyId").asText()).isEqualTo("recien-tablero");
        assertThat(agenda.status()).as("status of the agenda read right after scheduling").isEqualTo(200);
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
        assertThat(board.json().findValuesAsText("pieceId")).as("pieces on the board read with the need's position").contains("ryw-1");
    }

    @Test
    void anAssemblyNeverScheduledIsUnknownAtOnce() {
        MingaClient facilitator = client();
        asked.clear();

        MingaClient.Answer link = facilitator.post("/api/assemblies/nunca-programada/links", "{\"kind\": \"projector\"}");
        MingaClient.Answer board = facilitator.get("/api/assemblies/nunca-programada/board");

        assertThat(link.status()).isEqualTo(404);
        assertThat(link.json().get("code").asText()).isEqualTo("assembly.unknown");
        assertThat(board.status()).isEqualTo(404);
        // Nothing to wait for: the event store does not know it either, so no read model is asked again.
        assertThat(asked).as("how many times each read model was asked").isNotEmpty().allSatisfy((query, times) -> assertThat(times)
                .as("times %s was asked", query).isEqualTo(1));
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
     * Sends {@code read} while the processors are paused and starts them again only once the read is known
     * to wait for them, or was answered: a Minga that does not wait answers while they are still paused.
     */
    private MingaClient.Answer whilePaused(List<String> names, Supplier<MingaClient.Answer> read) {
        CountDownLatch waitingOrAnswered = new CountDownLatch(1);
        waiting.set(waitingOrAnswered);
        asked.clear();
        CompletableFuture<MingaClient.Answer> answer = CompletableFuture.supplyAsync(read);
        answer.whenComplete((answered, failed) -> waitingOrAnswered.countDown());
        try {
            assertThat(waitingOrAnswered.await(GENEROUSLY.toSeconds(), TimeUnit.SECONDS))
                    .as("the read waits for the paused read models or is answered, within %d s", GENEROUSLY.toSeconds()).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        log.info("The read {} when the paused read models {} started again", answer.isDone() ? "was answered" : "was waiting", names);
        names.forEach(name -> processor(name).start());
        return answer.join();
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow();
    }
}
