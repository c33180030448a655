package org.minga.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * More writes than the laptop handles at once: the one over the limit waits its turn for a moment,
 * and is then answered 503 server.busy with Retry-After, without reaching the command (nothing is
 * appended); with the waiting line full, at once. Reads are never held.
 */
class CommandAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommandAdmission admission = new CommandAdmission(1, Duration.ofMillis(300), 1, meters);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger handled = new AtomicInteger();

    @AfterEach
    void letTheFirstWriteFinish() {
        release.countDown();
    }

    @Test
    void aWriteBeyondTheLimitWaitsItsTurnThenIsAnsweredBusyWithoutBeingHandled() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = inTheBackground(write());
        awaitHandled(1);

        long started = System.nanoTime();
        MockHttpServletResponse second = send(write(), counting());
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(second.getContentType()).startsWith("application/problem+json");
        assertThat(second.getContentAsString()).contains("\"code\":\"server.busy\"")
                .contains("Lo que envió no se guardó");
        assertThat(waitedMs).as("waited for a turn, then gave up").isBetween(250L, 5_000L);
        assertThat(handled).as("only the first write reached the command").hasValue(1);
        assertThat(meters.counter("minga.commands.refused.busy").count()).isEqualTo(1.0);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(send(write(), counting()).getStatus()).as("a turn is free again").isEqualTo(200);
        assertThat(handled).hasValue(2);
    }

    @Test
    void aWriteFindingTheWaitingLineFullIsAnsweredAtOnceInTheLanguageAsked() throws Exception {
        inTheBackground(write());
        awaitHandled(1);
        CompletableFuture<MockHttpServletResponse> waiting = CompletableFuture.supplyAsync(() -> send(write(), counting()));
        Thread.sleep(100);

        MockHttpServletRequest english = write();
        english.addHeader("Accept-Language", "en");
        long started = System.nanoTime();
        MockHttpServletResponse third = send(english, counting());

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("no wait").isLessThan(200L);
        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(third.getContentAsString()).contains("What you sent was not saved");
        assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        assertThat(handled).hasValue(1);
    }

    @Test
    void readsAndLiveStreamsAreNotHeldByBusyWrites() throws Exception {
        inTheBackground(write());
        awaitHandled(1);

        MockHttpServletRequest board = new MockHttpServletRequest("GET", "/api/assemblies/a1/board/stream");
        MockHttpServletResponse answer = send(board, counting());

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(2);
    }

    private static MockHttpServletRequest write() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/assemblies/a1/tables/t1/needs");
        request.setContent("{\"pieceId\":\"p1\",\"text\":\"Agua potable\"}".getBytes());
        return request;
    }

    /** The first write: it holds the only turn until the test lets it finish. */
    private CompletableFuture<MockHttpServletResponse> inTheBackground(MockHttpServletRequest request) {
        return CompletableFuture.supplyAsync(() -> send(request, (req, res) -> {
            handled.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private FilterChain counting() {
        return (request, response) -> handled.incrementAndGet();
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            admission.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private void awaitHandled(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (handled.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(handled).hasValue(count);
    }
}
