package org.minga.runtime;

import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.minga.projections.ReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Readiness waits for the read models ({@code readModelsCaughtUp}): when Minga has started (or, if
 * the event store could not be asked then, at the first probe) it notes how far the event store
 * goes, and says "ready" only once every read model's processor has got there. A start that
 * rebuilds dropped read models replays thousands of events; a phone or projector sent to the
 * instance meanwhile would see a board missing what it showed a minute before. Once caught up it
 * stays ready: lag under load is not a reason to leave the rotation. With Axon Server, segments
 * another instance holds are that instance's business.
 */
@Component("readModelsCaughtUpHealthIndicator")
public class ReadModelsCatchUp implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    /** Embedded, this instance runs every segment, so a processor with none has not started yet. */
    private final boolean everySegmentHere;
    private Long target;
    private volatile boolean caughtUp;

    public ReadModelsCatchUp(@Lazy EventProcessingConfiguration processing, @Lazy EventStore eventStore,
                             @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.everySegmentHere = !axonServer;
    }

    @Override
    public Health health() {
        if (caughtUp) {
            return Health.up().build();
        }
        try {
            long goal = target();
            for (ReadModel readModel : ReadModel.values()) {
                if (!reached(readModel.processor(), goal)) {
                    return Health.outOfService().build();
                }
            }
        } catch (RuntimeException storeNotReached) {
            // Axon Server or the event store does not answer: not ready, and asked again at the next probe.
            return Health.outOfService().build();
        }
        caughtUp = true;
        return Health.up().build();
    }

    /** The goal is the head when Minga has started; later events are the processors' ordinary work. */
    @EventListener(ApplicationStartedEvent.class)
    void noteTheHeadAtStart() {
        try {
            target();
        } catch (RuntimeException storeNotReached) {
            // Axon Server not there yet: the first probe notes it.
        }
    }

    private synchronized long target() {
        if (target == null) {
            TrackingToken head = eventStore.createHeadToken();
            OptionalLong position = head == null ? OptionalLong.empty() : head.position();
            target = position.orElse(-1);
        }
        return target;
    }

    private boolean reached(String name, long goal) {
        var processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return true;
        }
        var segments = processor.get().processingStatus().values();
        if (segments.isEmpty()) {
            return goal < 0 || !everySegmentHere;
        }
        for (EventTrackerStatus segment : segments) {
            TrackingToken token = segment.getTrackingToken();
            long position = token == null ? -1 : token.position().orElse(-1);
            if (segment.isErrorState() || position < goal) {
                return false;
            }
        }
        return true;
    }
}
