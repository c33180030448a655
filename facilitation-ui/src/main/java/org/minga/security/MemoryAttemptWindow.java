package org.minga.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link AttemptWindow} in this instance's memory: right for one instance (the embedded mode), where
 * it costs nothing and a waiting attempt wakes the moment another is settled. A restart forgets it.
 */
final class MemoryAttemptWindow implements AttemptWindow {

    private static final class Recent {
        final Deque<Long> times = new ArrayDeque<>();
        int checking;
        boolean announced;
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Recent> byKey = new ConcurrentHashMap<>();

    MemoryAttemptWindow(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
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
                        return new Attempt(key, now, null);
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

    @Override
    public void giveBack(Attempt attempt) {
        Recent recent = byKey.get(attempt.key());
        if (recent != null) {
            synchronized (recent) {
                recent.times.removeFirstOccurrence(attempt.at());
                recent.checking--;
                recent.notifyAll();
            }
        }
    }

    @Override
    public boolean keptWrong(Attempt attempt) {
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
