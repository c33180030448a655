package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.MingaApplication;
import org.minga.runtime.AxonServerRuntime;
import org.minga.ui.MingaClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Minga instances in the {@code axonserver} profile behind one gateway, sharing one MongoDB
 * (mongo-java-server here): a guesser who sends to both in turn, or to both at once, gets the ten
 * tries a minute it would get from one instance, not ten per instance. As in
 * {@code AxonServerProfileWiringTest}, Axon Server is an address where nobody listens: the throttles,
 * codes and facilitators need only MongoDB. The test's requests stand in for the gateway's, from
 * loopback, naming each client in X-Forwarded-For.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlesAcrossInstancesTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private MingaClient one;
    private MingaClient two;
    private String rightCode;

    @BeforeAll
    void twoInstancesSharingOneMongo() {
        int nobodyListening = freePort();
        first = start(nobodyListening);
        second = start(nobodyListening);
        one = new MingaClient("http://127.0.0.1:" + first.getEnvironment().getProperty("local.server.port"));
        two = new MingaClient("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
        // Codes live in MongoDB beside the read models; a table needs no assembly in Axon Server to have one.
        rightCode = first.getBean(TableCodes.class).ensureCodes("a1", List.of("t1")).get("t1");
        one.post("/api/facilitators", "{\"username\": \"guarded\", \"password\": \"guarded-password-1\"}").expect(201);
    }

    // Closed here, or their connectors would keep dialling the absent Axon Server through every later test.
    @AfterAll
    void stopBoth() {
        try {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
        } finally {
            MONGO.shutdown();
        }
    }

    private static ConfigurableApplicationContext start(int nobodyListening) {
        return new SpringApplicationBuilder(MingaApplication.class).profiles(AxonServerRuntime.PROFILE).run(
                "--server.port=0",
                "--minga.mongodb.uri=mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort(),
                "--axon.axonserver.servers=127.0.0.1:" + nobodyListening,
                "--minga.data-dir=target/test-data/throttles-across-instances-must-stay-empty",
                "--MINGA_TRUSTED_PROXIES=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
                "--logging.level.org.axonframework=off",
                "--logging.level.io.axoniq=off");
    }

    /** The instance the gateway sends the n-th request to: each in turn. */
    private MingaClient instance(int n) {
        return n % 2 == 0 ? one : two;
    }

    @Test
    void wrongCodesAndLinksSentToBothInstancesInTurnAreRefusedAfterTheTenthInAll() {
        String client = "203.0.113.1";
        for (int i = 0; i < 9; i++) {
            MingaClient guesser = instance(i).anonymous().from(client);
            MingaClient.Answer wrong = switch (i % 3) {
                case 0 -> guesser.asTable("WRONG" + (char) ('A' + i)).get("/api/assemblies/a1/board");
                case 1 -> guesser.withLink("not-a-link-" + i).get("/api/assemblies/a1/board");
                default -> guesser.post("/api/join", "{\"code\": \"GUESS" + (char) ('A' + i) + "\"}");
            };
            assertThat(wrong.status()).as("wrong code %d", i + 1).isEqualTo(401);
        }
        // Right codes are given back, on either instance: they do not count.
        assertThat(one.anonymous().from(client).post("/api/join", "{\"code\": \"" + rightCode + "\"}").status()).isEqualTo(200);
        assertThat(two.anonymous().from(client).post("/api/join", "{\"code\": \"" + rightCode + "\"}").status()).isEqualTo(200);
        assertThat(two.anonymous().from(client).asTable("WRONGZ").get("/api/assemblies/a1/board").status()).isEqualTo(401);

        // Ten wrong in all, five on each instance: both refuse now, a right code included.
        for (MingaClient instance : List.of(one, two)) {
            MingaClient.Answer refused = instance.anonymous().from(client).asTable("WRONGY").get("/api/assemblies/a1/board");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.text()).contains("access.throttled");
            assertThat(instance.anonymous().from(client).post("/api/join", "{\"code\": \"" + rightCode + "\"}").status()).isEqualTo(429);
            assertThat(instance.anonymous().from(client).get("/join/" + rightCode).status()).isEqualTo(429);
        }
        // Another client is not held back by this one.
        assertThat(two.anonymous().from("203.0.113.2").post("/api/join", "{\"code\": \"" + rightCode + "\"}").status()).isEqualTo(200);
    }

    @Test
    void manyWrongCodesAtOnceOnBothInstancesAreStillOnlyTenLookedAt() throws Exception {
        List<Integer> statuses = AllAtOnce.statuses(32, i -> instance(i).anonymous().from("203.0.113.10")
                .asTable("P" + (10000 + i)).get("/api/assemblies/a1/board").status());

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(32 - 10);
    }

    @Test
    void manyRightCodesAtOnceFromOneClientOnBothInstancesAreAllLetIn() throws Exception {
        // Attempts being checked fill the window for a moment; the next ones, on either instance, wait for them.
        List<Integer> statuses = AllAtOnce.statuses(32, i -> instance(i).anonymous().from("203.0.113.11")
                .post("/api/join", "{\"code\": \"" + rightCode + "\"}").status());

        assertThat(statuses).containsOnly(200);
    }

    @Test
    void aClientTakesTenWrongPasswordsAMinuteInAllForAnyAccounts() {
        String client = "203.0.113.20";
        for (int i = 0; i < 10; i++) {
            assertThat(instance(i).from(client).with("Authorization", MingaClient.basic("nobody-" + i, "wrong-password"))
                    .get("/api/facilitators").status()).as("wrong password %d", i + 1).isEqualTo(401);
        }
        for (MingaClient instance : List.of(one, two)) {
            MingaClient.Answer refused = instance.from(client).get("/api/facilitators");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.text()).contains("sign-in.throttled");
        }
        assertThat(two.from("203.0.113.21").get("/api/facilitators").status()).isEqualTo(200);
    }

    @Test
    void anAccountTakesTenWrongPasswordsFromAnywhereOnEitherInstanceThenRefusesEvenTheRightOne() {
        for (int i = 0; i < 10; i++) {
            assertThat(instance(i).from("203.0.113." + (30 + i)).with("Authorization", MingaClient.basic("guarded", "wrong-password-" + i))
                    .get("/api/facilitators").status()).as("wrong password %d", i + 1).isEqualTo(401);
        }
        for (MingaClient instance : List.of(one, two)) {
            MingaClient.Answer locked = instance.from("203.0.113.50").with("Authorization", MingaClient.basic("guarded", "guarded-password-1"))
                    .get("/api/facilitators");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.text()).contains("sign-in.locked");
        }
        // Only that account: the others sign in as usual.
        assertThat(one.from("203.0.113.51").get("/api/facilitators").status()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
