package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Minga's REST API as plain JSON over HTTP/1.1, the way a phone or a script reaches it. One
 * {@link HttpClient} per role (setup, phones, viewers) so a busy stream of board events cannot
 * hold up the phones' answers on the same selector thread.
 */
public final class MingaApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient client;

    public MingaApi(URI baseUri, HttpClient client) {
        this.baseUri = baseUri;
        this.client = client;
    }

    /** A client whose callbacks run on a few daemon threads of its own, not on a pool that grows per request. */
    public static HttpClient newClient(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    public HttpClient client() {
        return client;
    }

    public URI uri(String path) {
        return baseUri.resolve(path);
    }

    /** A request with a JSON body (or none, for {@code null}), signed with the credential. */
    public HttpRequest request(String method, String path, Object body, Credential credential) {
        return request(method, path, body, credential, "application/json");
    }

    private HttpRequest request(String method, String path, Object body, Credential credential, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", accept)
                .header(credential.header(), credential.value());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return builder.build();
    }

    /** Sends and waits; for setup, where each answer is needed before the next step. */
    public Answer send(String method, String path, Object body, Credential credential) {
        return send(request(method, path, body, credential));
    }

    /** A GET for plain text, such as the Prometheus metrics. */
    public Answer getText(String path, Credential credential) {
        return send(request("GET", path, null, credential, "text/plain"));
    }

    private Answer send(HttpRequest request) {
        String method = request.method();
        String path = request.uri().getPath();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(method + " " + path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    public Answer post(String path, Object body, Credential credential) {
        return send("POST", path, body, credential);
    }

    public Answer get(String path, Credential credential) {
        return send("GET", path, null, credential);
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body + " as JSON", e);
        }
    }

    /** An answer with its status; {@link #expect} turns a surprise into a failure that says what was asked. */
    public record Answer(String request, int status, String body) {

        public Answer expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new IllegalStateException(request + " answered " + status + " (expected " + expectedStatus + "): " + body);
            }
            return this;
        }

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(request + " answered something that is not JSON: " + body, e);
            }
        }
    }
}
