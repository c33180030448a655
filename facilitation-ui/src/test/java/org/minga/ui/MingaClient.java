package org.minga.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to a running Minga the way a phone, a projector or a script does: plain HTTP and JSON. */
public final class MingaClient {

    /** One answer: its status, content type and body (parsed when it is JSON), and a command's event store position. */
    public record Answer(int status, String contentType, String text, JsonNode json, String position) {

        public Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return this;
        }
    }

    /** A download as a browser saves it: the bytes untouched (a byte-order mark stays), with the headers that name it. */
    public record Download(int status, String contentType, String contentDisposition, byte[] bytes) {

        public Download expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text());
            }
            return this;
        }

        /** The bytes read as UTF-8, a byte-order mark included. */
        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The facilitator every test signs in as (src/test/resources/config/application.properties). */
    public static final String FACILITATOR = "facilitator";
    public static final String FACILITATOR_PASSWORD = "test-facilitator-password";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String language = "es";
    private String credentialHeader = "Authorization";
    private String credential = basic(FACILITATOR, FACILITATOR_PASSWORD);
    private String forwardedFor;
    private String position;

    /** A client signed in as the test facilitator (HTTP Basic, as scripts do). */
    public MingaClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    private MingaClient copy() {
        MingaClient copy = new MingaClient(baseUrl);
        copy.language = language;
        copy.credentialHeader = credentialHeader;
        copy.credential = credential;
        copy.forwardedFor = forwardedFor;
        copy.position = position;
        return copy;
    }

    public MingaClient inEnglish() {
        return inLanguage("en");
    }

    /** The same client asking for any language in Accept-Language, or, given null, sending no Accept-Language at all. */
    public MingaClient inLanguage(String language) {
        MingaClient other = copy();
        other.language = language;
        return other;
    }

    /** The same client reading as a page does after a command: asking for the read models to have passed {@code position}. */
    public MingaClient afterPosition(String position) {
        MingaClient other = copy();
        other.position = position;
        return other;
    }

    /** The same client without any credential. */
    public MingaClient anonymous() {
        MingaClient anonymous = copy();
        anonymous.credential = null;
        return anonymous;
    }

    /** A phone acting with a table's join code. */
    public MingaClient asTable(String code) {
        return with("X-Minga-Table-Code", code);
    }

    /** A projector or auditor holding a share link's token. */
    public MingaClient withLink(String token) {
        return with("X-Minga-Link", token);
    }

    public MingaClient with(String header, String value) {
        MingaClient other = copy();
        other.credentialHeader = header;
        other.credential = value;
        return other;
    }

    /**
     * The same client as a gateway forwards it: X-Forwarded-For names {@code address}, which Minga believes
     * only when this test's own address is a trusted proxy ({@code MINGA_TRUSTED_PROXIES}).
     */
    public MingaClient from(String address) {
        MingaClient other = copy();
        other.forwardedFor = address;
        return other;
    }

    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** The raw bytes of an answer, for downloads whose exact bytes matter (a BOM, a separator). */
    public Download download(String path) {
        HttpResponse<byte[]> response = exchange(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    }

    public Answer post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Only the status of an answer, for endless ones such as the event stream. */
    public int status(String method, String path, String body) {
        HttpRequest request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<java.io.InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            response.body().close();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        }
        return response.statusCode();
    }

    public Answer send(String method, String path, String body) {
        return send(request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json");
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        if (position != null) {
            builder.header("X-Minga-Position", position);
        }
        return credential == null ? builder : builder.header(credentialHeader, credential);
    }

    private Answer send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        try {
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), type, response.body(), json,
                    response.headers().firstValue("X-Minga-Position").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered unreadable JSON: " + e.getMessage(), e);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
