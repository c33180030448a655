package org.minga.ui;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.query.FindBoardQuery;
import org.minga.ui.ServerSentEvents.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The projector's live line: the whole board on connect, then each change with the next revision. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardStreamTest {

    /** Generous: how long an event may take to reach the viewer is the benchmark's business, not this test's. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private static final Path DATA_DIR = TestDataDirectories.fresh("stream");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    QueryUpdateEmitter updateEmitter;

    @Autowired
    MeterRegistry meters;


    @Test
    void aViewerGetsTheBoardThenEachChangeInRevisionOrderAndIsReleasedWhenItLeaves() throws Exception {
        MingaClient client = new MingaClient("http://localhost:" + port);
        String base = "/api/assemblies/stream-test";
        client.post("/api/assemblies", """
                {"assemblyId": "stream-test", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);
        client.post(base + "/participants", "{\"participantId\": \"p1\", \"name\": \"Ana\", \"organization\": \"Coop\"}").expect(201);
        client.post(base + "/split-into-tables", "{}").expect(200);
        client.post(base + "/steps/needs/open", "{}").expect(200);
        await().until(() -> client.get(base + "/board").json().at("/step/open").asBoolean());

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(client.baseUrl() + base + "/board/stream"))
                        .header("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> ServerSentEvents.read(response.body(), events::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();

        Event first = ServerSentEvents.next(events, "board", WITHIN);
        long revision = first.data().get("revision").asLong();
        assertThat(first.data().at("/step/current").asText()).isEqualTo("needs");

        client.post(base + "/tables/t1/needs", "{\"pieceId\": \"n1\", \"text\": \"Crédito rural\"}").expect(201);
        Event table = ServerSentEvents.next(events, "table", WITHIN);
        assertThat(table.data().get("revision").asLong()).isEqualTo(revision + 1);
        assertThat(table.data().get("axisId").asText()).isEqualTo("credit");
        assertThat(table.data().at("/table/pieces/0/text").asText()).isEqualTo("Crédito rural");

        client.post(base + "/steps/solutions/open", "{}").expect(200);
        Event closed = ServerSentEvents.next(events, "step", WITHIN);
        Event opened = ServerSentEvents.next(events, "step", WITHIN);
        assertThat(closed.data().get("revision").asLong()).isEqualTo(revision + 2);
        assertThat(closed.data().at("/step/open").asBoolean()).isFalse();
        assertThat(opened.data().get("revision").asLong()).isEqualTo(revision + 3);
        assertThat(opened.data().at("/step/current").asText()).isEqualTo("solutions");

        assertThat(((SimpleQueryUpdateEmitter) updateEmitter).activeSubscriptions()).hasSize(1);
        response.body().close();
        reader.interrupt();
        // The server notices a viewer left on its next write to it.
        client.put(base + "/tables/t1/needs/n1/solution", "{\"text\": \"Fondo rotatorio\"}").expect(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(((SimpleQueryUpdateEmitter) updateEmitter).activeSubscriptions()).isEmpty());
    }

    /**
     * Thirty phones and a projector on one assembly: a change is written once and the same text
     * reaches every viewer, over one subscription, instead of once per viewer.
     */
    @Test
    void aChangeIsWrittenOnceForAllOfItsViewers() throws Exception {
        MingaClient client = new MingaClient("http://localhost:" + port);
        String base = "/api/assemblies/stream-many";
        client.post("/api/assemblies", """
                {"assemblyId": "stream-many", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);
        client.post(base + "/participants", "{\"participantId\": \"p1\", \"name\": \"Ana\", \"organization\": \"Coop\"}").expect(201);
        String code = client.post(base + "/split-into-tables", "{}").expect(200).json().at("/tables/0/joinCode").asText();
        client.post(base + "/steps/needs/open", "{}").expect(200);
        await().until(() -> client.get(base + "/board").json().at("/step/open").asBoolean());

        List<BlockingQueue<Event>> viewers = new ArrayList<>();
        List<HttpResponse<Stream<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + base + "/board/stream"));
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(i == 0
                    ? request.header("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD)).build()
                    : request.header("X-Minga-Table-Code", code).build(), HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> ServerSentEvents.read(response.body(), events::add), "sse-reader-" + i);
            reader.setDaemon(true);
            reader.start();
            ServerSentEvents.next(events, "board", WITHIN);
            viewers.add(events);
            responses.add(response);
        }
        assertThat(((SimpleQueryUpdateEmitter) updateEmitter).activeSubscriptions()).hasSize(1);
        double writtenBefore = meters.counter("minga.board.changes.written").count();

        client.asTable(code).post(base + "/tables/t1/needs", "{\"pieceId\": \"n1\", \"text\": \"Crédito rural\"}").expect(201);

        List<String> frames = new ArrayList<>();
        for (BlockingQueue<Event> events : viewers) {
            frames.add(ServerSentEvents.next(events, "table", WITHIN).frame());
        }
        assertThat(frames).hasSize(3).allMatch(frame -> frame.equals(frames.get(0)) && frame.contains("Crédito rural"));
        assertThat(meters.counter("minga.board.changes.written").count() - writtenBefore).isEqualTo(1);

        // The feed closes with its last viewer, noticed on the next write.
        responses.forEach(response -> response.body().close());
        client.asTable(code).post(base + "/tables/t1/needs", "{\"pieceId\": \"n2\", \"text\": \"Semillas\"}").expect(201);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(((SimpleQueryUpdateEmitter) updateEmitter).activeSubscriptions()).isEmpty());
    }

    @Test
    void aTablesPhoneFollowsTheBoardWithItsCodeAlone() throws Exception {
        MingaClient client = new MingaClient("http://localhost:" + port);
        String base = "/api/assemblies/stream-code";
        client.post("/api/assemblies", """
                {"assemblyId": "stream-code", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);
        client.post(base + "/participants", "{\"participantId\": \"p1\", \"name\": \"Ana\", \"organization\": \"Coop\"}").expect(201);
        String code = client.post(base + "/split-into-tables", "{}").expect(200).json().at("/tables/0/joinCode").asText();
        client.post(base + "/steps/needs/open", "{}").expect(200);
        await().until(() -> client.get(base + "/board").json().at("/step/open").asBoolean());

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(client.baseUrl() + base + "/board/stream")).header("X-Minga-Table-Code", code).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> ServerSentEvents.read(response.body(), events::add), "sse-reader-table");
        reader.setDaemon(true);
        reader.start();
        ServerSentEvents.next(events, "board", WITHIN);

        client.asTable(code).post(base + "/tables/t1/needs", "{\"pieceId\": \"n1\", \"text\": \"Crédito rural\"}").expect(201);
        Event table = ServerSentEvents.next(events, "table", WITHIN);
        assertThat(table.data().at("/table/pieces/0/text").asText()).isEqualTo("Crédito rural");
        response.body().close();
    }

    @Test
    void whenTheLiveFeedBreaksTheViewerIsToldToReconnectAndTheStreamEnds() throws Exception {
        MingaClient client = new MingaClient("http://localhost:" + port);
        client.post("/api/assemblies", """
                {"assemblyId": "stream-lost", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/assemblies/stream-lost/board/stream"))
                        .header("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            response.body().forEach(lines::add);
            lines.add("<end of stream>");
        }, "sse-reader-lost");
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(WITHIN.toSeconds(), TimeUnit.SECONDS)).as("the board's first line, within %d s", WITHIN.toSeconds())
                .isEqualTo("event:board");

        // What the subscription does when Axon Server goes away under it.
        updateEmitter.completeExceptionally(FindBoardQuery.class, query -> query.assemblyId().equals("stream-lost"),
                new StatusRuntimeException(Status.UNAVAILABLE));

        List<String> rest = new ArrayList<>();
        for (String line = lines.poll(5, TimeUnit.SECONDS); line != null && !line.equals("<end of stream>");
             line = lines.poll(5, TimeUnit.SECONDS)) {
            rest.add(line);
        }
        assertThat(rest).containsSubsequence("event:reconnect", "data:{\"retryAfterSeconds\":5}", "retry:5000");
        assertThat(lines).isEmpty();
        reader.join(WITHIN.toMillis()); // it has just queued the end marker; let it finish returning
        assertThat(reader.isAlive()).as("the stream ended").isFalse();
    }
}
