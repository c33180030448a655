package org.minga.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (a client's address, an account) within a sliding window. An attempt is
 * reserved before the secret is checked, so that many requests at once cannot all slip in under the
 * limit, and given back when the secret was right: only wrong ones stay counted. When the window is
 * full only because of attempts still being checked, a new one waits for them to settle rather than
 * being refused, so that many right ones at once (a script, phones behind one router) are not
 * turned away. Every reserved attempt must be settled: {@link #giveBack} or {@link #keptWrong}.
 */
public final class AttemptWindow {

    /** One reserved attempt; {@link #giveBack} when it turned out right. */
    public record Attempt(String key, long at) {
    }

    private static final class Recent {
        final Deque<Long> times = new ArrayDeque<>();
        int checking;
        boolean announced;
    }

    /** How long an attempt waits for others being checked before it is refused. */
    private static final long MOST_WAIT_MILLIS = 5_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Recent> byKey = new ConcurrentHashMap<>();

    AttemptWindow(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }

    /** An attempt for this key, or null when it already has its limit of attempts within the window. */
    Attempt reserve(String key) {
        if (byKey.size() > 10_000) {
            byKey.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetOld(e.getValue());
                    return e.getValue().times.isEmpty() && e.getValue().checking == 0;
                }
            });
        }
        while (true) {
            Recent recent = byKey.computeIfAbsent(key, k -> new Recent());
            synchronized (recent) {
                if (byKey.get(key) != recent) {
                    continue; // swept away just now: take the new one
                }
                long giveUpAt = System.nanoTime() + MOST_WAIT_MILLIS * 1_000_000;
                while (true) {
                    forgetOld(recent);
                    if (recent.times.size() - recent.checking >= limit) {
                        return null;
                    }
                    if (recent.times.size() < limit) {
                        long now = clock.millis();
                        recent.times.addLast(now);
                        recent.checking++;
                        return new Attempt(key, now);
                    }
                    long wait = (giveUpAt - System.nanoTime()) / 1_000_000;
                    if (wait <= 0) {
                        return null;
                    }
                    try {
                        recent.wait(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
            }
        }
    }

    /** The secret was right: the attempt does not count. */
    void giveBack(Attempt attempt) {
        Recent recent = byKey.get(attempt.key());
        if (recent != null) {
            synchronized (recent) {
                recent.times.removeFirstOccurrence(attempt.at());
                recent.checking--;
                recent.notifyAll();
            }
        }
    }

    /**
     * The secret was wrong and the attempt stays counted. True only for the wrong attempt that
     * filled the window, so that a lockout is announced once.
     */
    boolean keptWrong(Attempt attempt) {
        Recent recent = byKey.get(attempt.key());
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            recent.checking--;
            recent.notifyAll();
            forgetOld(recent);
            if (recent.times.size() >= limit && !recent.announced) {
                recent.announced = true;
                return true;
            }
            return false;
        }
    }

    private void forgetOld(Recent recent) {
        long oldest = clock.millis() - window.toMillis();
        while (!recent.times.isEmpty() && recent.times.peekFirst() < oldest) {
            recent.times.removeFirst();
        }
        if (recent.times.size() < limit) {
            recent.announced = false;
        }
    }
}
