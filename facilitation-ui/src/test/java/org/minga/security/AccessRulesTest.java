package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.minga.registry.storage.MongoRegistryStorage;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rules around the keys themselves: codes that change, guessing, headers, sizes, the first password. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessRulesTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("access");
    private static final String A = "/api/assemblies/keys";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient facilitator() {
        return new MingaClient("http://localhost:" + port);
    }

    @Test
    void aRegeneratedCodeReplacesTheOldOneAtOnceAndGuessingIsSlowedDown() {
        MingaClient api = facilitator();
        api.post("/api/assemblies", """
                {"assemblyId": "keys", "title": "Llaves", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""").expect(201);
        api.post(A + "/participants", "{\"participantId\": \"p1\", \"name\": \"Ana\", \"organization\": \"Coop\"}").expect(201);
        String oldCode = api.post(A + "/split-into-tables", "{}").expect(200).json().at("/tables/0/joinCode").asText();
        assertThat(oldCode).matches("[" + Secrets.UNAMBIGUOUS + "]{6}");
        org.awaitility.Awaitility.await().until(() -> api.asTable(oldCode).get(A + "/board").status() == 200);

        String newCode = api.send("POST", A + "/tables/t1/join-code", null).expect(200).json().get("joinCode").asText();

        assertThat(newCode).isNotEqualTo(oldCode);
        assertThat(api.asTable(oldCode).get(A + "/board").status()).isEqualTo(401);
        assertThat(api.asTable(newCode).get(A + "/board").status()).isEqualTo(200);
        assertThat(api.get(A + "/tables").json().at("/0/joinCode").asText()).isEqualTo(newCode);

        MingaClient guesser = api.anonymous();
        for (int i = 1; i < WrongCodeThrottle.LIMIT; i++) {
            assertThat(guesser.post("/api/join", "{\"code\": \"WRONG" + i + "\"}").status()).isEqualTo(401);
        }
        MingaClient.Answer blocked = guesser.inEnglish().post("/api/join", "{\"code\": \"" + newCode + "\"}");
        assertThat(blocked.status()).as("after ten wrong codes even the right one waits").isEqualTo(429);
        assertThat(blocked.json().get("detail").asText()).isEqualTo("Too many wrong codes: wait a minute before trying again.");
    }

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabasePrintOnePasswordAndItIsTheOneThatWorks() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        PrintStream console = System.out;
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            for (int round = 0; round < 20; round++) {
                com.mongodb.client.MongoDatabase database = client.getDatabase("race" + round);
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                Runnable start = () -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    new Facilitators(new MongoRegistryStorage(database), bcrypt, Clock.systemUTC(), sessionsIn(database), new CredentialChanges(), "coordinadora", "");
                };
                java.util.concurrent.CompletableFuture.allOf(
                        java.util.concurrent.CompletableFuture.runAsync(start), java.util.concurrent.CompletableFuture.runAsync(start))
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);
                System.setOut(console);

                java.util.regex.Matcher generated = java.util.regex.Pattern.compile("password ([" + Secrets.UNAMBIGUOUS + "]{16})")
                        .matcher(printed.toString(StandardCharsets.UTF_8));
                assertThat(generated.find()).as("round %d: a password is printed", round).isTrue();
                String password = generated.group(1);
                assertThat(generated.find()).as("round %d: only one password is printed", round).isFalse();
                String stored = database.getCollection("facilitators").find().first().getString("passwordHash");
                assertThat(bcrypt.matches(password, stored)).as("round %d: the printed password signs in", round).isTrue();
            }
        } finally {
            System.setOut(console);
            server.shutdownNow();
        }
    }

    @Test
    void everyPageAndAnswerCarriesTheSecurityHeaders() {
        MingaClient anonymous = facilitator().anonymous();
        for (String path : new String[] {"/projector/keys", "/table/keys/t1", "/login", "/api/assemblies"}) {
            java.net.http.HttpResponse<String> page = raw(path);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(anonymous.get("/api/assemblies").status()).isEqualTo(401);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutBeingRead() {
        MingaClient.Answer answer = facilitator().post("/api/assemblies", "{\"title\": \"" + "x".repeat(70_000) + "\"}");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo("request.too-large");
    }

    @Test
    void withoutAConfiguredPasswordTheFirstStartGeneratesOnePrintsItOnceAndKeepsOnlyItsHash() {
        MongoServer server = new MongoServer(new MemoryBackend());
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
            new Facilitators(new MongoRegistryStorage(client.getDatabase("t")), bcrypt, Clock.systemUTC(), sessionsIn(client.getDatabase("t")), new CredentialChanges(), "coordinadora", "");
            new Facilitators(new MongoRegistryStorage(client.getDatabase("t")), bcrypt, Clock.systemUTC(), sessionsIn(client.getDatabase("t")), new CredentialChanges(), "coordinadora", "");
            System.setOut(console);

            String output = printed.toString(StandardCharsets.UTF_8);
            java.util.regex.Matcher generated = java.util.regex.Pattern.compile("password ([" + Secrets.UNAMBIGUOUS + "]{16})").matcher(output);
            assertThat(generated.find()).as("the generated password is printed").isTrue();
            String password = generated.group(1);
            assertThat(output.split(password, -1)).as("printed once, even after a second start").hasSize(2);
            String stored = client.getDatabase("t").getCollection("facilitators").find().first().getString("passwordHash");
            assertThat(stored).startsWith("$2a$").doesNotContain(password);
            assertThat(bcrypt.matches(password, stored)).isTrue();
        } finally {
            System.setOut(console);
            server.shutdownNow();
        }
    }

    private java.net.http.HttpResponse<String> raw(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignedInSessions sessionsIn(com.mongodb.client.MongoDatabase database) {
        return new SignedInSessions(new MongoRegistryStorage(database), Clock.systemUTC(), new CredentialChanges());
    }
}
