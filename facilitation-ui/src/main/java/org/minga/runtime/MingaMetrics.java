package org.minga.runtime;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * What an operator watches on a running instance (Prometheus at {@code /actuator/prometheus}), besides
 * what Axon measures itself (axon-micrometer: {@code commandBus_*}, {@code queryBus_*}, {@code eventStore_*},
 * {@code eventProcessor_*} counters, timers, capacity and {@code eventProcessor_latency}):
 * <ul>
 * <li>{@code minga_refusals_total} — commands refused, by the rule's code and the command, counted in
 *     {@code Gateways} (Axon counts a refusal as just a failure);</li>
 * <li>{@code minga_processor_lag_events} — how many events a read model's processor is behind the
 *     event store, over the segments this instance holds (NaN when it holds none). Axon's latency says
 *     how old the last handled event was, not how many are still to come: this is what says caught up;</li>
 * <li>{@code minga_processor_segments} — how many segments of each processor this instance holds
 *     (Axon does not measure it);</li>
 * <li>{@code minga_board_viewers} — live board streams (projectors and phones) open on this instance.</li>
 * </ul>
 * And {@code readModels} in health: the storage that keeps the read models answers.
 */
@Configuration(proxyBeanMethods = false)
public class MingaMetrics {

    /** Open live-board streams on this instance. */
    @Component
    public static class LiveViewers {

        private final AtomicInteger open = new AtomicInteger();

        public LiveViewers(MeterRegistry registry) {
            Gauge.builder("minga.board.viewers", open, AtomicInteger::get)
                    .description("Live board streams open on this instance")
                    .register(registry);
        }

        public void joined() {
            open.incrementAndGet();
        }

        public void left() {
            open.decrementAndGet();
        }

        public int open() {
            return open.get();
        }
    }

    @Bean
    public MeterBinder processorLag(EventProcessingConfiguration processing, EventStore eventStore) {
        return registry -> {
            for (String name : ReadModel.COLLECTION_OF_PROCESSOR.keySet()) {
                Gauge.builder("minga.processor.lag", () -> lag(processing, eventStore, name))
                        .description("Events the read model's processor is behind the event store, on this instance's segments")
                        .baseUnit("events")
                        .tag("processor", name)
                        .register(registry);
                Gauge.builder("minga.processor.segments", () -> streaming(processing, name)
                                .map(p -> p.processingStatus().size()).orElse(0))
                        .description("Segments of the processor this instance holds")
                        .tag("processor", name)
                        .register(registry);
            }
        };
    }

    @Bean
    public HealthIndicator readModels(ReadModelStorage storage) {
        return () -> {
            try {
                storage.check();
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    private static double lag(EventProcessingConfiguration processing, EventStore eventStore, String name) {
        var processor = streaming(processing, name);
        if (processor.isEmpty() || processor.get().processingStatus().isEmpty()) {
            return Double.NaN;
        }
        TrackingToken headToken = eventStore.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        if (head.isEmpty()) {
            return 0; // no event stored yet
        }
        long behind = 0;
        for (EventTrackerStatus status : processor.get().processingStatus().values()) {
            TrackingToken token = status.getTrackingToken();
            long position = token == null ? -1 : token.position().orElse(-1);
            behind = Math.max(behind, head.getAsLong() - position);
        }
        return behind;
    }

    private static Optional<StreamingEventProcessor> streaming(EventProcessingConfiguration processing, String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
