package org.minga.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * An {@link AttemptWindow} in the MongoDB every instance shares, so that the instances behind the
 * gateway count the same attempts. Each key of each window is one document of {@value #COLLECTION}
 * holding its recent attempts ({@code id}, {@code at}, {@code checking}). Every change is one atomic
 * update of that document, never a read and then a write: an attempt is pushed only by an update
 * whose filter matches while fewer than the limit are held, so many requests at once, on any
 * instances, cannot all get in. When the document is full, attempts older than the window are pulled
 * and the push tried again; when it is full of attempts still being checked, the push is tried again
 * every {@value #PAUSE_MILLIS} ms (another instance cannot wake this one) for up to
 * {@value AttemptWindow#MOST_WAIT_MILLIS} ms.
 *
 * <p>A document expires a window after its newest attempt: MongoDB's TTL monitor removes it, and so
 * does a sweep here at most once a window per instance (for stores without one, such as
 * mongo-java-server). An attempt whose instance died while checking it holds its place until it is a
 * window old. Instances' clocks are expected to agree (NTP) to well under a second.
 */
final class MongoAttemptWindow implements AttemptWindow {

    static final String COLLECTION = "throttle_attempts";
    static final long PAUSE_MILLIS = 20;
    /** Longer keys (an account name is whatever was typed) are stored as their hash. */
    private static final int LONGEST_KEY = 100;

    private final MongoCollection<Document> attempts;
    private final String name;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final AtomicLong nextSweep = new AtomicLong();

    private MongoAttemptWindow(MongoCollection<Document> attempts, String name, int limit, Duration window, Clock clock) {
        this.attempts = attempts;
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** The windows of this database's {@value #COLLECTION}, with its TTL index. */
    static AttemptWindows windowsIn(MongoDatabase database, Clock clock) {
        MongoCollection<Document> attempts = database.getCollection(COLLECTION);
        attempts.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        return (name, limit, window) -> new MongoAttemptWindow(attempts, name, limit, window, clock);
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public Duration window() {
        return window;
    }

    @Override
    public Attempt reserve(String key) {
        sweepNowAndThen();
        long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOST_WAIT_MILLIS);
        while (true) {
            long now = clock.millis();
            Attempt attempt = new Attempt(key, now, new ObjectId().toHexString());
            if (pushed(attempt)) {
                return attempt;
            }
            Document full = attempts.find(eq("_id", documentId(key))).first();
            List<Document> held = full == null ? List.of() : full.getList("attempts", Document.class, List.of());
            long oldest = now - window.toMillis();
            if (held.stream().anyMatch(a -> a.getLong("at") < oldest)) {
                attempts.updateOne(eq("_id", documentId(key)), Updates.pull("attempts", lt("at", oldest)));
            } else if (held.stream().filter(a -> !a.getBoolean("checking")).count() >= limit) {
                return null;
            } else if (held.size() >= limit) {
                // Full of attempts still being checked, here or on other instances: wait for them to settle.
                if (!paused()) {
                    return null;
                }
            }
            // Otherwise one was given back or swept since the push failed: try again at once.
            if (System.nanoTime() - giveUpAt > 0) {
                return null;
            }
        }
    }

    /**
     * Adds the attempt if the key holds fewer than the limit: "no attempt at index limit - 1" is the
     * condition, checked and acted on in one update. A missing document is created by the upsert; a
     * full one makes the upsert insert its {@code _id} a second time, which MongoDB refuses.
     */
    private boolean pushed(Attempt attempt) {
        try {
            attempts.updateOne(and(eq("_id", documentId(attempt.key())), exists("attempts." + (limit - 1), false)),
                    Updates.combine(
                            Updates.push("attempts", new Document("id", attempt.id()).append("at", attempt.at()).append("checking", true)),
                            Updates.max("expiresAt", new Date(attempt.at() + window.toMillis())),
                            // Below the limit again: the next lockout is news.
                            Updates.set("announced", false)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Waits a little for attempts being checked elsewhere; false when interrupted. */
    private static boolean paused() {
        try {
            Thread.sleep(PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void giveBack(Attempt attempt) {
        attempts.updateOne(eq("_id", documentId(attempt.key())), Updates.pull("attempts", eq("id", attempt.id())));
    }

    @Override
    public boolean keptWrong(Attempt attempt) {
        Document after = attempts.findOneAndUpdate(and(eq("_id", documentId(attempt.key())), eq("attempts.id", attempt.id())),
                Updates.set("attempts.$.checking", false), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            return false; // its document expired meanwhile
        }
        long oldest = clock.millis() - window.toMillis();
        long counted = after.getList("attempts", Document.class, List.of()).stream().filter(a -> a.getLong("at") >= oldest).count();
        // Whichever instance sees the window full first announces it, once.
        return counted >= limit && attempts.updateOne(and(eq("_id", documentId(attempt.key())), ne("announced", true)),
                Updates.set("announced", true)).getModifiedCount() == 1;
    }

    private String documentId(String key) {
        return name + ":" + (key.length() <= LONGEST_KEY ? key : "sha256:" + Secrets.sha256(key));
    }

    /** Removes the documents whose newest attempt left the window, at most once a window. */
    private void sweepNowAndThen() {
        long now = clock.millis();
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + window.toMillis())) {
            attempts.deleteMany(lt("expiresAt", new Date(now)));
        }
    }
}
