package org.minga.benchmark.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Minga's own Spring context (its {@code MingaApplication}, application.yml and beans) on a given
 * data directory: the same event store, schema, serializer and transaction manager as the Minga a
 * facilitator starts. Its web server listens on a free loopback port that nothing calls: without a
 * servlet web application Minga's security configuration finds no {@code HttpSecurity} and the
 * context does not start. {@code MingaApplication} is named, not imported: facilitation-ui is an
 * application, not a library this module compiles against.
 */
final class MingaContext implements AutoCloseable {

    static final String APPLICATION = "org.minga.MingaApplication";

    private final ConfigurableApplicationContext context;
    private final Duration started;

    private MingaContext(ConfigurableApplicationContext context, Duration started) {
        this.context = context;
        this.started = started;
    }

    static MingaContext start(Path dataDir) {
        Class<?> application;
        try {
            application = Class.forName(APPLICATION);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(APPLICATION + " is not on the classpath: run this inside minga.jar (PropertiesLauncher)", e);
        }
        long begin = System.nanoTime();
        // Arguments, so they win over application.yml (default properties would not).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run("--minga.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0", "--server.address=127.0.0.1");
        return new MingaContext(context, Duration.ofNanos(System.nanoTime() - begin));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Duration startTook() {
        return started;
    }

    /** Stops every event processor: from then on, the event store is all that works. */
    void shutDownProcessors() {
        bean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    /**
     * Waits until every streaming processor's every segment has handled the last event stored,
     * as {@code minga_processor_lag_events} = 0 says over HTTP; false when {@code limit} passed first.
     */
    boolean awaitProcessorsAtHead(Duration limit) throws InterruptedException {
        EventStore eventStore = bean(EventStore.class);
        Map<String, EventProcessor> processors = bean(EventProcessingConfiguration.class).eventProcessors();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong head = Optional.ofNullable(eventStore.createHeadToken()).map(TrackingToken::position).orElse(OptionalLong.empty());
            if (head.isEmpty() || processors.values().stream().allMatch(p -> atHead(p, head.getAsLong()))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static boolean atHead(EventProcessor processor, long head) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return true;
        }
        Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
        return !segments.isEmpty() && segments.values().stream().allMatch(status -> {
            TrackingToken token = status.getTrackingToken();
            return token != null && token.position().orElse(-1) >= head;
        });
    }

    /** Minga's own shutdown: processors stop, then the H2 file is closed (and compacted) by Minga. */
    @Override
    public void close() {
        context.close();
    }
}
