package org.minga.security;

import java.time.Duration;

/**
 * Counts attempts per key (a client's address, an account) within a sliding window. An attempt is
 * reserved before the secret is checked, so that many requests at once cannot all slip in under the
 * limit, and given back when the secret was right: only wrong ones stay counted. When the window is
 * full only because of attempts still being checked, a new one waits for them to settle (up to
 * {@value #MOST_WAIT_MILLIS} ms) rather than being refused, so that many right ones at once (a script,
 * phones behind one router) are not turned away. Every reserved attempt must be settled:
 * {@link #giveBack} or {@link #keptWrong}.
 *
 * <p>Kept in memory with one instance ({@link MemoryAttemptWindow}) and in the shared MongoDB with
 * several ({@link MongoAttemptWindow}); {@link AttemptWindows} picks.
 */
public interface AttemptWindow {

    /** How long an attempt waits for others being checked before it is refused. */
    long MOST_WAIT_MILLIS = 5_000;

    /**
     * One reserved attempt; {@link #giveBack} when it turned out right. {@code id} names it where
     * the store needs a name to find it again (MongoDB), and is null in memory.
     */
    record Attempt(String key, long at, String id) {
    }

    int limit();

    Duration window();

    /** An attempt for this key, or null when it already has its limit of attempts within the window. */
    Attempt reserve(String key);

    /** The secret was right: the attempt does not count. */
    void giveBack(Attempt attempt);

    /**
     * The secret was wrong and the attempt stays counted. True only for the wrong attempt that
     * filled the window, so that a lockout is announced once.
     */
    boolean keptWrong(Attempt attempt);
}
