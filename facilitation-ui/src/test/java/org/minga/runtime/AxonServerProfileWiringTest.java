package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.wire.AssemblyRepositoryWiring;
import org.minga.projections.ReadModel;
import org.minga.ui.MingaClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code axonserver} profile, wired for real: Axon Server's connector (pointed at an address
 * where no server answers, since none runs here), MongoDB (in-process, mongo-java-server's memory
 * backend) for read models, facilitators and tracking tokens, and no relational database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(AxonServerRuntime.PROFILE)
// Closed after the class, or its connector would keep dialling the absent server through every later test.
@DirtiesContext
class AxonServerProfileWiringTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final int NOBODY_LISTENING = freePort();

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("minga.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort());
        registry.add("axon.axonserver.servers", () -> "127.0.0.1:" + NOBODY_LISTENING);
        registry.add("minga.data-dir", () -> "target/test-data/axonserver-profile-must-stay-empty");
        // This test's requests stand in for the gateway's, from loopback: the profile trusts the gateway's address only.
        registry.add("MINGA_TRUSTED_PROXIES", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        // The connector retries the absent server all along; its stack traces would bury the test's output.
        registry.add("logging.level.org.axonframework", () -> "off");
        registry.add("logging.level.io.axoniq", () -> "off");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdown();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoDatabase database;

    @LocalServerPort
    int port;

    @Test
    void eventsCommandsAndQueriesGoThroughAxonServer() {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBean(AxonServerConnectionManager.class).getDefaultContext()).isEqualTo("default");
    }

    /** The chain Axon hands the Axon Server event store reads a split stored with labels as numbered tables. */
    @Test
    void splitsStoredWithLabelsAreReadThroughTheUpcasters() {
        EventUpcasterChain chain = context.getBean(org.axonframework.config.Configuration.class).upcasterChain();
        Serializer serializer = context.getBean("eventSerializer", Serializer.class);
        byte[] labelled = """
                {"assemblyId":"a","tableSize":20,"tables":[{"tableId":"t12","axisId":"a","label":"Table 12","memberIds":[]}]}"""
                .getBytes(StandardCharsets.UTF_8);
        InitialEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>("Assembly", "a", 3, "e1",
                Instant.EPOCH, AssemblySplitIntoTablesEvent.class.getName(), "1", labelled,
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData()), serializer);

        IntermediateEventRepresentation read = chain.upcast(Stream.of(stored)).findFirst().orElseThrow();

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(serializer.<byte[], AssemblySplitIntoTablesEvent>deserialize(read.getData(byte[].class)).tables())
                .singleElement().satisfies(table -> assertThat(table.number()).isEqualTo(12));
    }

    @Test
    void everyCommandLoadsItsAssemblyAfreshSinceAnotherInstanceMayHaveChangedIt() {
        assertThat(context.getBean(AssemblyRepositoryWiring.CACHE)).isSameAs(NoCache.INSTANCE);
    }

    @Test
    void thereIsNoRelationalDatabaseNorAnyLocalStore() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EventStoreSchema.class)).isEmpty();
        assertThat(new java.io.File("target/test-data/axonserver-profile-must-stay-empty")).doesNotExist();
    }

    @Test
    void trackingTokensAreKeptInMongoAndSharedBySegment() {
        TokenStore tokens = context.getBean(TokenStore.class);
        assertThat(tokens).isInstanceOf(MongoTokenStore.class);

        tokens.initializeTokenSegments("probe", 4);

        assertThat(tokens.fetchSegments("probe")).containsExactly(0, 1, 2, 3);
        assertThat(database.getCollection(AxonServerRuntime.TOKENS_COLLECTION).countDocuments(Filters.eq("processorName", "probe")))
                .isEqualTo(4);
    }

    @Test
    void aProcessorsTokensAreForgottenOnlyWhenNoInstanceHasUsedThemWithinTheClaimTimeout() {
        TokenStore tokens = context.getBean(TokenStore.class);
        ReadModelRebuild.TokenReset reset = context.getBean(ReadModelRebuild.TokenReset.class);
        tokens.initializeTokenSegments("rebuilt", 4);
        tokens.fetchToken("rebuilt", 2);

        // Another instance is building this read model: a start elsewhere must not take its segments away.
        reset.exclusively(() -> assertThat(reset.forget("rebuilt")).isZero());
        assertThat(tokens.fetchSegments("rebuilt")).containsExactly(0, 1, 2, 3);

        // Every instance stopped more than a claim timeout ago: the emptied read model is rebuilt.
        long stoppedLongAgo = System.currentTimeMillis() - AxonServerRuntime.CLAIM_TIMEOUT.toMillis() - 1_000;
        database.getCollection(AxonServerRuntime.TOKENS_COLLECTION).updateMany(Filters.eq("processorName", "rebuilt"),
                Updates.set("timestamp", stoppedLongAgo));
        reset.exclusively(() -> assertThat(reset.forget("rebuilt")).isEqualTo(4));
        assertThat(tokens.fetchSegments("rebuilt")).isEmpty();
    }

    @Test
    void onlyOneInstanceAtATimeChecksAndResetsTokens() throws Exception {
        ReadModelRebuild.TokenReset reset = context.getBean(ReadModelRebuild.TokenReset.class);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable start = () -> reset.exclusively(() -> {
            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
        });
        Thread[] starts = {new Thread(start), new Thread(start), new Thread(start)};
        for (Thread thread : starts) {
            thread.start();
        }
        for (Thread thread : starts) {
            thread.join();
        }
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(database.getCollection(MongoTokenReset.LOCKS_COLLECTION).countDocuments()).isZero();
    }

    @Test
    void everyReadModelIsBuiltByAPooledProcessorWhoseSegmentsInstancesShare() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        for (String processor : ReadModel.COLLECTION_OF_PROCESSOR.keySet()) {
            EventProcessor built = processing.eventProcessor(processor).orElseThrow();
            assertThat(built).as(processor).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(((PooledStreamingEventProcessor) built).maxCapacity()).as(processor).isEqualTo(4);
        }
    }

    @Test
    void anInstanceIsAliveButNotReadyWhileAxonServerCannotBeReached() {
        MingaClient anonymous = new MingaClient("http://localhost:" + port).anonymous();
        assertThat(anonymous.get("/actuator/health/liveness").expect(200).json().get("status").asText()).isEqualTo("UP");
        MingaClient.Answer readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").asText()).isNotEqualTo("UP");
    }

    @Test
    void whileAxonServerCannotBeReachedCommandsAreRefusedForAMomentAndReadModelsAreStillServed() throws Exception {
        MingaClient client = new MingaClient("http://localhost:" + port);
        String assembly = """
                {"assemblyId": "away", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""";

        MingaClient.Answer spanish = client.post("/api/assemblies", assembly);
        MingaClient.Answer english = client.inEnglish().post("/api/assemblies", assembly);
        MingaClient.Answer asOfThen = client.get("/api/assemblies/away/board?sequence=3");

        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assemblies"))
                .header("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(assembly)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(spanish.status()).isEqualTo(503);
        assertThat(raw.statusCode()).isEqualTo(503);
        assertThat(raw.headers().firstValue("Retry-After")).contains("5");
        assertThat(spanish.json().get("code").asText()).isEqualTo("event-store.unreachable");
        assertThat(spanish.json().get("detail").asText()).contains("Axon Server").contains("no se guardó");
        assertThat(english.json().get("detail").asText()).contains("Axon Server").contains("was not saved");
        assertThat(asOfThen.status()).isEqualTo(503);
        // What MongoDB holds is answered here, without a round trip through Axon Server.
        assertThat(client.get("/api/assemblies").expect(200).json().isArray()).isTrue();
        assertThat(client.get("/api/assemblies/away/board").status()).isEqualTo(404);
    }

    @Test
    void behindTheGatewayJoinLinksUseTheAddressThePhonesDialled() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/join-address"))
                .header("X-Forwarded-Host", "minga.agencia.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "10.20.30.40").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"baseUrl\":\"https://minga.agencia.example:443\"");
    }

    @Test
    void theRegistryAndFacilitatorsLiveInTheSameMongo() {
        assertThat(database.getCollection("facilitators").countDocuments()).isEqualTo(1);
        MingaClient client = new MingaClient("http://localhost:" + port);
        assertThat(client.get("/api/facilitators").expect(200).json()).extracting(n -> n.asText()).contains("facilitator");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
