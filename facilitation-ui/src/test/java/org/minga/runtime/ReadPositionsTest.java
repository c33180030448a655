package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With Axon Server, other instances hold some of a processor's segments: how far the processor got
 * is read from the tokens every instance stores in MongoDB, the lowest segment counting.
 */
class ReadPositionsTest {

    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = mongo.bind();
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    private final MongoDatabase database = client.getDatabase("minga");
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final TokenStore tokens = new AxonServerRuntime().tokenStore(database, serializer);
    private final EventStore events = mock(EventStore.class);
    private final ReadPositions positions = new ReadPositions(null, events, true, Optional.of(database), serializer);

    @AfterEach
    void stop() {
        client.close();
        mongo.shutdown();
    }

    @Test
    void aProcessorHasGotAsFarAsItsSlowestSegmentOnAnyInstance() {
        tokens.initializeTokenSegments("board", 2);
        store("board", 0, 5);
        store("board", 1, 7);

        assertThat(positions.reached("board")).isEqualTo(5);
        assertThat(positions.reached("agenda")).as("a processor with no tokens yet").isEqualTo(-1);
    }

    @Test
    void aReadWaitsForThePositionOnlyAsLongAsAllowed() {
        tokens.initializeTokenSegments("board", 2);
        store("board", 0, 5);
        store("board", 1, 7);
        when(events.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(7));

        assertThat(positions.awaitPassed(List.of("board"), 5, Duration.ofMillis(100))).isTrue();
        long start = System.nanoTime();
        assertThat(positions.awaitPassed(List.of("board"), 6, Duration.ofMillis(200))).isFalse();
        // It gave up once what was allowed had passed, not before; how soon after is no business of a test on a shared machine.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("how long the read waited").isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aPositionBeyondTheHeadIsNotWaitedFor() {
        tokens.initializeTokenSegments("board", 1);
        store("board", 0, 7);
        when(events.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(7));

        // Allowed a day: returning at all shows it did not wait for a position the store has not reached.
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> positions.awaitPassed(List.of("board"), 900, Duration.ofDays(1)),
                "a position beyond the event store's head (7) was waited for"))
                .as("whether the position was passed").isFalse();
    }

    private void store(String processor, int segment, long position) {
        tokens.fetchToken(processor, segment);
        tokens.storeToken(new GlobalSequenceTrackingToken(position), processor, segment);
    }
}
