package org.minga.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Whether the embedded event store can be written. When the disk fills up, or the file or its
 * folder becomes unwritable, H2 closes the database and every later use of it fails. Minga then
 * answers commands 503 with Retry-After (nothing is appended, so nothing acknowledged is lost),
 * reports itself not ready ({@code eventStore} in readiness), logs one line saying what happened,
 * and tries a small write every {@link #PROBE_INTERVAL}. As soon as one succeeds it carries on
 * without a restart: the pool drops the connections of the closed database (H2 reopens the file
 * for the next one) and the read models' processors resume at once instead of after their back-off.
 */
@Component("eventStoreHealthIndicator")
@Profile("!" + AxonServerRuntime.PROFILE)
public class EventStoreAvailability implements HealthIndicator {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
    /** What a 503 tells the client to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(EventStoreAvailability.class);

    private static final int DATABASE_READ_ONLY = 90097;

    private final DataSource dataSource;
    private final Path eventsFile;
    private final EventProcessingConfiguration processors;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-store-probe");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> probing;
    private long unavailableSinceNanos;
    private boolean unavailable;

    public EventStoreAvailability(DataSource dataSource, MingaProperties properties, @Lazy EventProcessingConfiguration processors) {
        this.dataSource = dataSource;
        this.eventsFile = properties.dataDir().resolve("events.mv.db");
        this.processors = processors;
        try {
            write("CREATE TABLE IF NOT EXISTS MINGA_STORE_PROBE (ID INT PRIMARY KEY, WRITTEN_AT TIMESTAMP WITH TIME ZONE)");
            write("MERGE INTO MINGA_STORE_PROBE KEY(ID) VALUES (1, CURRENT_TIMESTAMP)");
        } catch (SQLException e) {
            failed(e);
        }
    }

    /** True while the store cannot be written: commands are answered 503. */
    public synchronized boolean unavailable() {
        return unavailable;
    }

    /**
     * A request or a start-up write found the store unusable: say so once, and probe until it
     * can be written again.
     */
    public synchronized void failed(Throwable cause) {
        evictPooledConnections();
        if (unavailable) {
            return;
        }
        unavailable = true;
        unavailableSinceNanos = System.nanoTime();
        log.error("The event store cannot be written ({}). Commands are refused with 503 until it can; nothing acknowledged "
                + "is lost. Free space on the disk of the data directory or make it writable: Minga carries on by itself.",
                rootMessage(cause));
        probing = prober.scheduleWithFixedDelay(this::probe, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        return unavailable() ? Health.down().build() : Health.up().build();
    }

    private void probe() {
        try {
            write("MERGE INTO MINGA_STORE_PROBE KEY(ID) VALUES (1, CURRENT_TIMESTAMP)");
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_READ_ONLY && Files.isWritable(eventsFile)) {
                // Opened read only while its folder was: only a fresh open can write, now that it could.
                closeDatabase();
            }
            evictPooledConnections();
            return;
        }
        recovered();
    }

    private void recovered() {
        long seconds;
        synchronized (this) {
            unavailable = false;
            seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - unavailableSinceNanos);
            probing.cancel(false);
        }
        log.info("The event store can be written again after {} s: commands are accepted", seconds);
        resumeProcessors();
    }

    /** Processors that failed wait up to a minute before retrying; they are restarted now instead. */
    private void resumeProcessors() {
        for (var processor : processors.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming
                    && streaming.processingStatus().values().stream().anyMatch(status -> status.isErrorState())) {
                streaming.shutdownAsync().join();
                streaming.start();
            }
        }
    }

    private void write(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private void closeDatabase() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            log.debug("closing the read-only event store: {}", e.getMessage());
        }
        evictPooledConnections();
    }

    private void evictPooledConnections() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @PreDestroy
    void stopProbing() {
        prober.shutdownNow();
    }

    /**
     * Tells the pool to drop a connection whose database H2 closed (or that lost its file): left
     * in the pool it would fail every later request, even once the disk has room again.
     * Configured as {@code spring.datasource.hikari.exception-override-class-name}.
     */
    public static final class DropConnectionsOfUnusableStore implements SQLExceptionOverride {
        private static final int DATABASE_SHUT_DOWN = 90121;

        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            // A database shut down on purpose (Minga stopping) needs no eviction, nor a warning per connection.
            boolean unusable = e.getErrorCode() != DATABASE_SHUT_DOWN && StorageFailures.storeUnavailable(e);
            return unusable ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }
}
