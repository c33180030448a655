package org.minga.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets a processor's tracking tokens in MongoDB (the {@code axonserver} profile), so that it
 * replays the event store into its emptied read model. Other instances may be running: the check
 * and the deletion happen under a lock every instance takes ({@value #LOCK_ID} in
 * {@value #LOCKS_COLLECTION}), and never while any of the processor's tokens was claimed or moved
 * within the claim timeout, since a running instance is then building that read model already.
 * A read model dropped while others run is rebuilt at the first start after all have stopped.
 */
public class MongoTokenReset implements ReadModelRebuild.TokenReset {

    static final String LOCKS_COLLECTION = "minga_locks";
    static final String LOCK_ID = "read-model-rebuild";
    /** A lock older than this was left by an instance that died while holding it. */
    static final Duration LOCK_LEASE = Duration.ofMinutes(1);
    private static final Duration WAIT_FOR_LOCK = Duration.ofSeconds(90);
    private static final Logger log = LoggerFactory.getLogger(MongoTokenReset.class);

    private final MongoCollection<Document> tokens;
    private final MongoCollection<Document> locks;
    private final Duration inUseWithin;
    private final Clock clock;

    /**
     * @param inUseWithin a token claimed or updated this recently belongs to a running instance
     */
    public MongoTokenReset(MongoDatabase database, String tokensCollection, Duration inUseWithin, Clock clock) {
        this.tokens = database.getCollection(tokensCollection);
        this.locks = database.getCollection(LOCKS_COLLECTION);
        this.inUseWithin = inUseWithin;
        this.clock = clock;
    }

    @Override
    public void exclusively(Runnable work) {
        String me = UUID.randomUUID().toString();
        acquire(me);
        try {
            work.run();
        } finally {
            locks.deleteOne(Filters.and(Filters.eq("_id", LOCK_ID), Filters.eq("owner", me)));
        }
    }

    @Override
    public long forget(String processorName) {
        long recent = clock.millis() - inUseWithin.toMillis();
        Document inUse = tokens.find(Filters.and(Filters.eq("processorName", processorName), Filters.gte("timestamp", recent))).first();
        if (inUse != null) {
            log.warn("Processor '{}' is at work in another instance (its segment {} was claimed or moved {} ms ago): its "
                    + "tokens are kept. Its read model is rebuilt at the first start after every instance has stopped.",
                    processorName, inUse.get("segment"), clock.millis() - inUse.getLong("timestamp"));
            return 0;
        }
        return tokens.deleteMany(Filters.eq("processorName", processorName)).getDeletedCount();
    }

    private void acquire(String me) {
        Instant giveUp = clock.instant().plus(WAIT_FOR_LOCK);
        while (true) {
            Instant now = clock.instant();
            try {
                locks.insertOne(new Document("_id", LOCK_ID).append("owner", me).append("until", Date.from(now.plus(LOCK_LEASE))));
                return;
            } catch (MongoWriteException held) {
                if (held.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw held;
                }
            }
            // Left by an instance that died holding it?
            locks.deleteOne(Filters.and(Filters.eq("_id", LOCK_ID), Filters.lt("until", Date.from(now))));
            if (now.isAfter(giveUp)) {
                throw new IllegalStateException("another instance has held the read-model rebuild lock for over "
                        + WAIT_FOR_LOCK.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read-model rebuild lock", e);
            }
        }
    }
}
