package org.minga.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing: a client that sends {@value #LIMIT} wrong table codes or link tokens
 * within a minute is refused (429) until the oldest of them is a minute old.
 */
@Component
public class WrongCodeThrottle {

    static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public WrongCodeThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String client) {
        Deque<Long> recent = failures.get(client);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= LIMIT;
        }
    }

    public void wrong(String client) {
        Deque<Long> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.millis());
        }
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
    }

    private void forgetOld(Deque<Long> recent) {
        long oldest = clock.millis() - WINDOW.toMillis();
        while (!recent.isEmpty() && recent.peekFirst() < oldest) {
            recent.removeFirst();
        }
    }
}
