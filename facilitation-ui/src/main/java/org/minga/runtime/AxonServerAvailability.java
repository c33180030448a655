package org.minga.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Whether Axon Server answers, looked at every {@link #CHECK_INTERVAL}. While it does not, commands
 * and the reads that need the event store are answered 503 with Retry-After ({@link StorageFailures#axonServerUnreachable}),
 * the pages' live streams tell them to reconnect, and readiness (Axon's {@code axonServer} check) is down;
 * the boards and agendas already built in MongoDB are still served. One line is logged when it goes
 * away and one, with how long it was gone, when it is back.
 * <p>
 * When it is back, a read model's processor that failed meanwhile would wait out Axon's back-off
 * (doubling up to 60 s) before it read on: the projectors stayed 45 s behind. It is restarted at once
 * instead, at most once every {@link #RESTART_AT_MOST_EVERY} per processor, so the read models catch
 * up within seconds of Axon Server's return.
 */
@Component
@Profile(AxonServerRuntime.PROFILE)
public class AxonServerAvailability {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    static final Duration RESTART_AT_MOST_EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(AxonServerAvailability.class);

    private final AxonServerConnectionManager connections;
    private final EventProcessingConfiguration processors;
    private final Map<String, Long> lastRestartNanos = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "axon-server-check");
        thread.setDaemon(true);
        return thread;
    });
    /** Until the first connection (made while Minga starts) there is nothing to report as lost. */
    private volatile boolean everConnected;
    private volatile boolean reachable = true;
    private long unreachableSinceNanos;

    public AxonServerAvailability(AxonServerConnectionManager connections, @Lazy EventProcessingConfiguration processors) {
        this.connections = connections;
        this.processors = processors;
        checker.scheduleWithFixedDelay(this::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** False from the moment the connection to Axon Server is seen lost until it is back. */
    public boolean reachable() {
        return reachable;
    }

    private void check() {
        try {
            boolean connected = connections.isConnected(connections.getDefaultContext());
            if (!everConnected) {
                everConnected = connected;
                return;
            }
            if (!connected && reachable) {
                reachable = false;
                unreachableSinceNanos = System.nanoTime();
                log.error("Axon Server cannot be reached: commands are refused with 503 until it can, the boards already "
                        + "built are still served. Nothing acknowledged is lost.");
            } else if (connected && !reachable) {
                reachable = true;
                log.info("Axon Server answers again after {} s: commands are accepted",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - unreachableSinceNanos));
            }
            if (connected) {
                resumeFailedProcessors();
            }
        } catch (RuntimeException e) {
            log.debug("checking Axon Server: {}", e.toString());
        }
    }

    private void resumeFailedProcessors() {
        long now = System.nanoTime();
        for (Map.Entry<String, EventProcessor> named : processors.eventProcessors().entrySet()) {
            if (named.getValue() instanceof StreamingEventProcessor processor && processor.isRunning() && processor.isError()) {
                Long last = lastRestartNanos.get(named.getKey());
                if (last == null || now - last >= RESTART_AT_MOST_EVERY.toNanos()) {
                    lastRestartNanos.put(named.getKey(), now);
                    log.info("Processor '{}' failed while Axon Server was away: restarting it now rather than after its back-off",
                            named.getKey());
                    processor.shutdownAsync().join();
                    processor.start();
                }
            }
        }
    }

    @PreDestroy
    void stopChecking() {
        checker.shutdownNow();
    }
}
