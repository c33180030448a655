package org.minga.ui.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A laptop that receives more changes than it can store answers the extra ones at once with 503,
 * {@code Retry-After} and {@code server.busy} ("what you sent was not saved"), instead of letting
 * them queue for the event store's connections until each waits many seconds and the room's
 * boards fall behind. At most {@code minga.commands.at-once} writes to the API are handled together;
 * one more waits up to {@code minga.commands.max-wait} for its turn (a room's burst of 25 tables
 * is served, in order), and is refused when none comes, or at once when {@code minga.commands.waiting}
 * writes already wait. Nothing is appended for a refused write, so a phone may send it again: its
 * outbox does, after the {@code Retry-After} it was given. Reads and live streams are not counted.
 * Runs before Spring Security, right after the body-size limit: a write refused for now costs no
 * credential check (measured under overload, checking the credentials of writes then refused took
 * most of the CPU the accepted ones needed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CommandAdmission extends OncePerRequestFilter {

    /** What a busy answer tells the client to wait before sending the same write again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore turns;
    private final long maxWaitNanos;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter refused;

    public CommandAdmission(@Value("${minga.commands.at-once}") int atOnce,
                            @Value("${minga.commands.max-wait}") Duration maxWait,
                            @Value("${minga.commands.waiting}") int maxWaiting,
                            MeterRegistry meters) {
        if (atOnce < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("minga.commands: at-once must be at least 1, waiting and max-wait not negative");
        }
        this.turns = new Semaphore(atOnce, true);
        this.maxWaitNanos = maxWait.toNanos();
        this.maxWaiting = maxWaiting;
        this.refused = Counter.builder("minga.commands.refused.busy")
                .description("Writes answered 503 server.busy because as many were being handled or waiting")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())
                || HttpMethod.OPTIONS.matches(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!takeTurn()) {
            refused.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
            Problems.write(request, response, Refusal.SERVER_BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    private boolean takeTurn() {
        if (turns.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
