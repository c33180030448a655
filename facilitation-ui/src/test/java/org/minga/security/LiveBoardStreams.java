package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import org.minga.ui.MingaClient;

/** What the stream tests share: a small assembly to watch, and its board stream read as a projector does. */
final class LiveBoardStreams {

    /** A board stream read line by line; {@code ended} completes when the server ends it. */
    record OpenStream(BlockingQueue<String> lines, CompletableFuture<Void> ended) {
    }

    private LiveBoardStreams() {
    }

    /** An assembly with one table whose board is readable; answers its API path. */
    static String assemblyWithOneTable(MingaClient api, String assemblyId) {
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

    /** Opens the board stream of {@code base} with one credential header and reads it on a thread of its own. */
    static OpenStream open(int port, String base, String header, String credential) throws Exception {
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
