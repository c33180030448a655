package org.minga.runtime;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Read your own writes: where the event store's head is once a command is stored, and whether the
 * read models' processors have got that far. Embedded, this instance runs every segment, so their
 * status says it; with Axon Server other instances hold some segments, so the tokens every instance
 * stores in MongoDB ({@code tracking_tokens}) say it. A processor has passed a position when every
 * one of its segments has (a segment of other assemblies may make the wait longer, never shorter).
 */
@Component
public class ReadPositions {

    private static final Duration POLL = Duration.ofMillis(10);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final boolean everySegmentHere;
    /** Asked only with Axon Server, where the tokens of every instance are in MongoDB; embedded there is none. */
    private final Optional<MongoDatabase> database;
    private final Serializer serializer;

    public ReadPositions(@Lazy EventProcessingConfiguration processing, @Lazy EventStore eventStore,
                         @Value("${axon.axonserver.enabled:false}") boolean axonServer, Optional<MongoDatabase> database,
                         @Lazy @Qualifier("serializer") Serializer serializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.everySegmentHere = !axonServer;
        this.database = database;
        this.serializer = serializer;
    }

    /** The position of the last event stored, at least that of every command acknowledged so far. */
    public OptionalLong head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /**
     * Waits, at most {@code max}, until every one of {@code processors} has passed {@code position}.
     * Answers whether they did; a read after that shows every write up to it.
     */
    public boolean awaitPassed(Collection<String> processors, long position, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        boolean checkedTheHead = false;
        while (!processors.stream().allMatch(processor -> reached(processor) >= position)) {
            if (!checkedTheHead) {
                // A position beyond the head was seen on another event store (a browser kept it across a fresh data directory).
                checkedTheHead = true;
                if (head().orElse(-1) < position) {
                    return false;
                }
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The lowest position any segment of the processor has reached; -1 before it started. */
    long reached(String processor) {
        return everySegmentHere ? reachedHere(processor) : reachedByAllInstances(processor);
    }

    private long reachedHere(String name) {
        var processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isEmpty() || processor.get().processingStatus().isEmpty()) {
            return -1;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.get().processingStatus().values()) {
            lowest = Math.min(lowest, positionOf(segment.getTrackingToken()));
        }
        return lowest;
    }

    private long reachedByAllInstances(String processor) {
        long lowest = Long.MAX_VALUE;
        for (Document entry : database.orElseThrow().getCollection(AxonServerRuntime.TOKENS_COLLECTION).find(eq("processorName", processor))) {
            Object token = entry.get("token");
            byte[] bytes = token instanceof Binary binary ? binary.getData() : token instanceof byte[] raw ? raw : null;
            TrackingToken stored = bytes == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, entry.getString("tokenType"), null));
            lowest = Math.min(lowest, positionOf(stored));
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
