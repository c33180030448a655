package org.minga.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Minga instances running now, as each says every {@link #HEARTBEAT} in MongoDB, and the share of
 * each processor's segments one of them should hold: the segments divided by the live instances,
 * rounded up. Axon's pooled processors ask for that share before each claim and release what they
 * hold beyond it, so a second instance gets about half the segments within seconds of its start
 * (Axon Server SE does not balance them), and the survivors take over a stopped instance's
 * segments: at once when it stops cleanly (it says goodbye), within
 * {@link #GONE_AFTER} plus the token claim timeout when it dies.
 */
public class ProcessingInstances {

    static final String COLLECTION = "processing_instances";
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** An instance not heard of for this long is taken for gone. */
    static final Duration GONE_AFTER = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ProcessingInstances.class);

    private final MongoCollection<Document> instances;
    private final String me = UUID.randomUUID().toString();
    private final int segments;
    private final int cap;
    private final Clock clock;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processing-instances");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int live = 1;

    /**
     * @param segments how many segments each processor has
     * @param cap      the most segments of one processor an instance may hold, however few instances run
     */
    public ProcessingInstances(MongoDatabase database, int segments, int cap, Clock clock) {
        this.instances = database.getCollection(COLLECTION);
        this.segments = segments;
        this.cap = cap;
        this.clock = clock;
        try {
            // Its own processors' first claims already leave the others their share.
            live = 1 + (int) instances.countDocuments(Filters.gte("seenAt", Date.from(clock.instant().minus(GONE_AFTER))));
        } catch (RuntimeException e) {
            log.debug("counting the instances: {}", e.toString());
        }
    }

    /**
     * Counts this instance in, once its processors run: announced earlier, it would make the
     * others release segments that nobody processes until it is up (half a minute on a busy laptop).
     */
    public void join() {
        heartbeat();
        beat.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many segments of a processor this instance should hold now. */
    public int fairShare() {
        return Math.min(cap, Math.max(1, (segments + live - 1) / live));
    }

    /** The instances heard of within {@link #GONE_AFTER}, this one included. */
    public int live() {
        return live;
    }

    private void heartbeat() {
        try {
            Instant now = clock.instant();
            instances.replaceOne(Filters.eq("_id", me), new Document("_id", me).append("seenAt", Date.from(now)),
                    new ReplaceOptions().upsert(true));
            Date goneBefore = Date.from(now.minus(GONE_AFTER));
            instances.deleteMany(Filters.lt("seenAt", Date.from(now.minus(GONE_AFTER.multipliedBy(6)))));
            int counted = (int) Math.max(1, instances.countDocuments(Filters.gte("seenAt", goneBefore)));
            if (counted != live) {
                log.info("{} Minga instance(s) now share the read models' processing: up to {} of {} segments each",
                        counted, Math.min(cap, Math.max(1, (segments + counted - 1) / counted)), segments);
            }
            live = counted;
        } catch (RuntimeException e) {
            // MongoDB away: keep the last count, the processors cannot claim anything meanwhile anyway.
            log.debug("heartbeat: {}", e.toString());
        }
    }

    /** Stops beating without a goodbye, as a killed process does (for tests). */
    void stopBeating() {
        beat.shutdownNow();
    }

    /** Says goodbye before the processors stop, so the others take this instance's segments as soon as it releases them. */
    @PreDestroy
    public void leave() {
        beat.shutdownNow();
        try {
            instances.deleteOne(Filters.eq("_id", me));
        } catch (RuntimeException e) {
            log.debug("leaving: {}", e.toString());
        }
    }
}
