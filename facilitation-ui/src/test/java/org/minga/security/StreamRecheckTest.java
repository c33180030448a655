package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A credential taken away on another instance (which shares MongoDB, not memory) ends this
 * instance's streams at their next periodic check, here every second instead of every 15.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamRecheckTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("stream-recheck");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("minga.streams.recheck", () -> "PT1S");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private MingaClient facilitator() {
        return new MingaClient("http://localhost:" + port);
    }

    @Test
    void aLinkRevokedOnAnotherInstanceEndsTheStreamAtItsNextCheck() throws Exception {
        String base = assemblyWithOneTable("elsewhere-link");
        MingaClient api = facilitator();
        var link = api.post(base + "/links", "{\"kind\": \"projector\"}").expect(201).json();
        String token = link.get("url").asText().replaceAll(".*[?&]link=", "");
        OpenStream stream = open(base, "X-Minga-Link", token);
        assertThat(stream.lines().poll(10, TimeUnit.SECONDS)).as("the board, on connect").isNotNull();

        // Another instance shares the MongoDB, not this instance's memory.
        database.getCollection("share_links").deleteOne(Filters.eq("_id", link.get("linkId").asText()));

        assertThat(stream.ended()).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aCodeRegeneratedOnAnotherInstanceEndsTheOldCodesStream() throws Exception {
        String base = assemblyWithOneTable("elsewhere-code");
        MingaClient api = facilitator();
        String code = api.get(base + "/tables").expect(200).json().at("/0/joinCode").asText();
        OpenStream stream = open(base, "X-Minga-Table-Code", code);
        assertThat(stream.lines().poll(10, TimeUnit.SECONDS)).as("the board, on connect").isNotNull();

        database.getCollection("table_codes").deleteOne(Filters.eq("_id", code));

        assertThat(stream.ended()).succeedsWithin(Duration.ofSeconds(10));
    }

    /** An assembly with one table whose board is readable; answers its API path. */
    private String assemblyWithOneTable(String assemblyId) {
        MingaClient api = facilitator();
        String base = "/api/assemblies/" + assemblyId;
        api.post("/api/assemblies", """
                {"assemblyId": "%s", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}"""
                .formatted(assemblyId)).expect(201);
        api.post(base + "/participants", "{\"participantId\": \"p1\", \"name\": \"Ana\", \"organization\": \"Coop\"}").expect(201);
        api.post(base + "/split-into-tables", "{}").expect(200);
        await().until(() -> api.get(base + "/board").status() == 200 && api.get(base).json().at("/tables/0/tableId").asText().equals("t1"));
        return base;
    }

    /** A board stream read line by line; {@code ended} completes when the server ends it. */
    record OpenStream(BlockingQueue<String> lines, CompletableFuture<Void> ended) {
    }

    private OpenStream open(String base, String header, String credential) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/board/stream")).header(header, credential).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:")).forEach(lines::add);
                ended.complete(null);
            } catch (RuntimeException e) {
                ended.completeExceptionally(e);
            }
        }, "board-stream-reader");
        reader.setDaemon(true);
        reader.start();
        return new OpenStream(lines, ended);
    }
}
