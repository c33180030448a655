package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.minga.registry.storage.MongoRegistryStorage;
import org.minga.ui.MingaClient;
import org.minga.ui.MutableClock;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a facilitator's access is worth over time: sign-ins end after 12 hours, tokens when they
 * expire or are revoked, and both when the password is reset or the facilitator removed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FacilitatorAccessLifecycleTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("facilitator-lifecycle");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private MingaClient facilitator() {
        return new MingaClient("http://localhost:" + port);
    }

    @Test
    void aSignInOlderThanTwelveHoursIsRefused() throws Exception {
        String session = signIn(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD);
        assertThat(withSession(session, "/api/assemblies").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(SignedInSessions.HOURS).plusMinutes(1));

        assertThat(withSession(session, "/api/assemblies").statusCode()).isEqualTo(401);
        HttpResponse<String> console = withSession(session, "/console");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = facilitator().post("/api/tokens", "{\"label\": \"revoked\"}").expect(201).json().get("token").asText();
        MingaClient script = facilitator().with("Authorization", "Bearer " + token);
        assertThat(script.get("/api/assemblies").status()).isEqualTo(200);

        facilitator().send("DELETE", "/api/tokens", "{\"token\": \"" + token + "\"}").expect(200);

        assertThat(script.get("/api/assemblies").status()).isEqualTo(401);
    }

    @Test
    void tokensAreListedWithoutTheirSecretExpireAndAreRevokedById() {
        JsonNode created = facilitator().post("/api/tokens", "{\"label\": \"nightly export\", \"expiresInDays\": 2}").expect(201).json();
        String token = created.get("token").asText();
        String tokenId = created.get("tokenId").asText();
        MingaClient script = facilitator().with("Authorization", "Bearer " + token);
        assertThat(script.get("/api/assemblies").status()).isEqualTo(200);

        MingaClient.Answer listed = facilitator().get("/api/tokens").expect(200);
        assertThat(listed.text()).doesNotContain(token).doesNotContain(Secrets.sha256(token));
        JsonNode entry = entryOf(listed.json(), tokenId);
        assertThat(entry.get("label").asText()).isEqualTo("nightly export");
        assertThat(entry.get("username").asText()).isEqualTo(MingaClient.FACILITATOR);
        Instant createdAt = Instant.parse(entry.get("createdAt").asText());
        assertThat(Duration.between(createdAt, Instant.parse(entry.get("expiresAt").asText())))
                .isBetween(Duration.ofDays(2).minusSeconds(1), Duration.ofDays(2));
        assertThat(entry.get("lastUsedAt").isNull()).as("it was used once").isFalse();

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(script.get("/api/assemblies").status()).as("an expired token").isEqualTo(401);

        JsonNode lasting = facilitator().post("/api/tokens", "{\"label\": \"default\"}").expect(201).json();
        assertThat(Duration.between(clock.instant(), Instant.parse(lasting.get("expiresAt").asText())))
                .isBetween(Duration.ofDays(90).minusMinutes(1), Duration.ofDays(90));
        MingaClient other = facilitator().with("Authorization", "Bearer " + lasting.get("token").asText());
        assertThat(other.get("/api/assemblies").status()).isEqualTo(200);
        facilitator().delete("/api/tokens/" + lasting.get("tokenId").asText()).expect(200);
        assertThat(other.get("/api/assemblies").status()).isEqualTo(401);
        assertThat(facilitator().delete("/api/tokens/" + lasting.get("tokenId").asText()).status()).isEqualTo(404);

        for (int days : new int[] {0, 366}) {
            MingaClient.Answer refused = facilitator().post("/api/tokens", "{\"expiresInDays\": " + days + "}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("expiresInDays");
        }
    }

    @Test
    void aPasswordResetEndsTheSignInsAndTokensMadeWithTheOldOne() throws Exception {
        facilitator().post("/api/facilitators", "{\"username\": \"ana\", \"password\": \"first-password\"}").expect(201);
        MingaClient ana = facilitator().with("Authorization", MingaClient.basic("ana", "first-password"));
        String session = signIn("ana", "first-password");
        MingaClient anasScript = facilitator().with("Authorization",
                "Bearer " + ana.post("/api/tokens", "{\"label\": \"ana\"}").expect(201).json().get("token").asText());
        MingaClient othersScript = facilitator().with("Authorization",
                "Bearer " + facilitator().post("/api/tokens", "{\"label\": \"other\"}").expect(201).json().get("token").asText());
        assertThat(withSession(session, "/api/assemblies").statusCode()).isEqualTo(200);
        assertThat(anasScript.get("/api/assemblies").status()).isEqualTo(200);

        facilitator().post("/api/facilitators", "{\"username\": \"ana\", \"password\": \"second-password\"}").expect(201);

        assertThat(withSession(session, "/api/assemblies").statusCode()).as("the old sign-in").isEqualTo(401);
        assertThat(anasScript.get("/api/assemblies").status()).as("a token made with the old password").isEqualTo(401);
        assertThat(ana.get("/api/assemblies").status()).as("the old password").isEqualTo(401);
        assertThat(facilitator().with("Authorization", MingaClient.basic("ana", "second-password")).get("/api/assemblies").status())
                .isEqualTo(200);
        assertThat(othersScript.get("/api/assemblies").status()).as("another facilitator's token").isEqualTo(200);
    }

    @Test
    void removingAFacilitatorEndsTheirAccessAndTheLastOneStays() throws Exception {
        facilitator().post("/api/facilitators", "{\"username\": \"bea\", \"password\": \"beas-password\"}").expect(201);
        MingaClient bea = facilitator().with("Authorization", MingaClient.basic("bea", "beas-password"));
        String session = signIn("bea", "beas-password");
        MingaClient beasScript = facilitator().with("Authorization",
                "Bearer " + bea.post("/api/tokens", "{}").expect(201).json().get("token").asText());

        facilitator().delete("/api/facilitators/bea").expect(200);

        assertThat(withSession(session, "/api/assemblies").statusCode()).isEqualTo(401);
        assertThat(beasScript.get("/api/assemblies").status()).isEqualTo(401);
        assertThat(bea.get("/api/assemblies").status()).isEqualTo(401);
        assertThat(facilitator().get("/api/facilitators").text()).doesNotContain("bea");
        assertThat(facilitator().get("/api/tokens").text()).doesNotContain("\"bea\"");
        MingaClient.Answer unknown = facilitator().delete("/api/facilitators/bea");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("facilitator.unknown");

        for (JsonNode name : facilitator().get("/api/facilitators").json()) {
            if (!name.asText().equals(MingaClient.FACILITATOR)) {
                facilitator().delete("/api/facilitators/" + name.asText()).expect(200);
            }
        }
        MingaClient.Answer last = facilitator().inEnglish().delete("/api/facilitators/" + MingaClient.FACILITATOR);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("detail").asText())
                .isEqualTo("\"facilitator\" is the last facilitator: add another one before removing them, or nobody could sign in to Minga.");
        assertThat(facilitator().get("/api/assemblies").status()).isEqualTo(200);
    }

    /** MINGA_FACILITATOR_PASSWORD is set again at every start: the same one keeps everyone in, a new one is a reset. */
    @Test
    void aRestartWithTheSameConfiguredPasswordKeepsSignInsAndTokensAndANewOneEndsThem() {
        MongoServer server = new MongoServer(new MemoryBackend());
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("restart");
            CredentialChanges changes = new CredentialChanges();
            MongoRegistryStorage storage = new MongoRegistryStorage(database);
            SignedInSessions sessions = new SignedInSessions(storage, clock, changes);
            Facilitators first = new Facilitators(storage, bcrypt, clock, sessions, changes, "coordinadora", "configured-password");
            String token = first.newToken("coordinadora", "script", null).token();
            database.getCollection("facilitator_sessions").insertOne(new Document("_id", "signed-in")
                    .append("username", "coordinadora").append("expiresAt", clock.millis() + 60_000));

            Facilitators restarted = new Facilitators(storage, bcrypt, clock, sessions, changes, "coordinadora", "configured-password");

            assertThat(restarted.usernameOfToken(token)).contains("coordinadora");
            assertThat(database.getCollection("facilitator_sessions").countDocuments()).isEqualTo(1);

            Facilitators reset = new Facilitators(storage, bcrypt, clock, sessions, changes, "coordinadora", "another-password");

            assertThat(reset.usernameOfToken(token)).isEmpty();
            assertThat(database.getCollection("facilitator_sessions").countDocuments()).isZero();
        } finally {
            server.shutdownNow();
        }
    }

    /** Tokens stored before tokens expired keep working, for 90 days from the first start that knows expiry. */
    @Test
    void aTokenStoredWithoutAnExpiryGetsNinetyDaysAndAnId() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("upgrade");
            database.getCollection("api_tokens").insertOne(new Document("_id", Secrets.sha256("minga_old"))
                    .append("username", "coordinadora").append("label", "old").append("createdAt", "2025-01-01T00:00:00Z"));
            CredentialChanges changes = new CredentialChanges();
            MongoRegistryStorage storage = new MongoRegistryStorage(database);
            Facilitators upgraded = new Facilitators(storage, new BCryptPasswordEncoder(4), clock,
                    new SignedInSessions(storage, clock, changes), changes, "coordinadora", "configured-password");

            assertThat(upgraded.usernameOfToken("minga_old")).contains("coordinadora");
            Facilitators.TokenInfo old = upgraded.tokens().get(0);
            assertThat(old.tokenId()).isNotBlank();
            assertThat(Duration.between(clock.instant(), old.expiresAt())).isBetween(Duration.ofDays(89), Duration.ofDays(90));
        } finally {
            server.shutdownNow();
        }
    }

    private static JsonNode entryOf(JsonNode tokens, String tokenId) {
        for (JsonNode token : tokens) {
            if (token.get("tokenId").asText().equals(tokenId)) {
                return token;
            }
        }
        throw new AssertionError("no token " + tokenId + " in " + tokens);
    }

    /** Signs in on the login page as a browser does; answers the session cookie. */
    private String signIn(String username, String password) throws Exception {
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String csrf = cookie(login, "XSRF-TOKEN");
        String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console");
        return cookie(signedIn, SignedInSessions.COOKIE);
    }

    private HttpResponse<String> withSession(String session, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", SignedInSessions.COOKIE + "=" + session)
                .header("Accept", "text/html,application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
                .filter(value -> !value.isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }
}
