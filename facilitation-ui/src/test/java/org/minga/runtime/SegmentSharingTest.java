package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a read model's processor, as the {@code axonserver} profile builds them, over
 * one MongoDB token store: Axon Server SE does not balance segments, so Minga does. The second
 * instance gets half the segments soon after it starts, and the first takes them all back when
 * the second stops.
 */
class SegmentSharingTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final MingaProperties.Processors FOUR_SEGMENTS = new MingaProperties.Processors(4, Integer.MAX_VALUE);

    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = mongo.bind();
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    private final MongoDatabase database = client.getDatabase("minga");
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final TokenStore tokens = new AxonServerRuntime().tokenStore(database, JacksonSerializer.defaultSerializer());
    private final List<PooledStreamingEventProcessor> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(PooledStreamingEventProcessor::shutDown);
        events.shutDown();
        client.close();
        mongo.shutdown();
    }

    @Test
    void twoInstancesHoldHalfTheSegmentsEachAndTheSurvivorTakesThemAllBack() {
        ProcessingInstances firstInstance = new ProcessingInstances(database, 4, Integer.MAX_VALUE, Clock.systemUTC());
        PooledStreamingEventProcessor first = start("first", firstInstance);
        await().atMost(WITHIN).until(() -> first.processingStatus().size() == 4);

        ProcessingInstances secondInstance = new ProcessingInstances(database, 4, Integer.MAX_VALUE, Clock.systemUTC());
        PooledStreamingEventProcessor second = start("second", secondInstance);
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(first.processingStatus()).hasSize(2);
            assertThat(second.processingStatus()).hasSize(2);
        });
        assertThat(firstInstance.live()).isEqualTo(2);

        secondInstance.leave();
        second.shutDown();
        await().atMost(WITHIN).until(() -> first.processingStatus().size() == 4);
    }

    @Test
    void anInstanceThatStopsSayingItIsAliveIsCountedOutAfterAFewSeconds() {
        ProcessingInstances first = new ProcessingInstances(database, 4, Integer.MAX_VALUE, Clock.systemUTC());
        ProcessingInstances second = new ProcessingInstances(database, 4, Integer.MAX_VALUE, Clock.systemUTC());
        first.join();
        second.join();
        await().atMost(WITHIN).until(() -> first.live() == 2 && first.fairShare() == 2);

        second.stopBeating();

        await().atMost(WITHIN).until(() -> first.live() == 1 && first.fairShare() == 4);
        first.leave();
    }

    private PooledStreamingEventProcessor start(String instance, ProcessingInstances instances) {
        EventHandlerInvoker noHandlers = SimpleEventHandlerInvoker.builder().eventHandlers(new Object()).build();
        PooledStreamingEventProcessor processor = AxonServerRuntime.sharingSegments(PooledStreamingEventProcessor.builder(),
                        FOUR_SEGMENTS, instances)
                .name("board")
                .eventHandlerInvoker(noHandlers)
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newScheduledThreadPool(2))
                .build();
        processor.start();
        instances.join();
        started.add(processor);
        return processor;
    }
}
