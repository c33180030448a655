package org.minga.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failure repeated 300 times logs a few stack traces and one count a minute, not 300 traces. */
class FailureLogTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-14T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void repeatedFailuresLogAFewTracesThenACountAMinute() {
        Logger logger = (Logger) LoggerFactory.getLogger("failure-log-test");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        HandClock clock = new HandClock();
        FailureLog failures = new FailureLog(logger, clock);

        for (int i = 0; i < 300; i++) {
            failures.failed("Unexpected failure answering a request", sameBug());
            clock.now = clock.now.plusMillis(5);
        }
        long traces = lines.list.stream().filter(line -> line.getThrowableProxy() != null).count();
        assertThat(traces).isEqualTo(FailureLog.TRACES_PER_KIND);
        assertThat(lines.list).hasSize(FailureLog.TRACES_PER_KIND);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        failures.failed("Unexpected failure answering a request", sameBug());
        assertThat(lines.list).hasSize(FailureLog.TRACES_PER_KIND + 1);
        ILoggingEvent count = lines.list.get(lines.list.size() - 1);
        assertThat(count.getThrowableProxy()).isNull();
        assertThat(count.getFormattedMessage()).contains("IllegalStateException").contains("298 more times");

        failures.failed("Unexpected failure answering a request", new IllegalArgumentException("another bug"));
        assertThat(lines.list.get(lines.list.size() - 1).getThrowableProxy()).as("a new kind gets its trace").isNotNull();
    }

    private static RuntimeException sameBug() {
        return new RuntimeException("wrapped", new IllegalStateException("same bug"));
    }
}
