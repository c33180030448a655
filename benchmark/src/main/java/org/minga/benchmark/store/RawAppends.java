package org.minga.benchmark.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.ReviseNeedPieceCommand;

/**
 * How many events Minga's event store appends a second on its own, with no HTTP, no aggregate and
 * no read model: the ceiling end-to-end commands can approach. Each append is what a need revision
 * stores, one event per unit of work in its own transaction, as a command handler commits it:
 * a {@link NeedPieceRevisedEvent} of an {@code Assembly} stream, with the trace and correlation
 * ids a command gives its events. Event processors are shut down first. One thread appends for the
 * given time, then four threads, each to its own assembly's stream (two commands to one assembly
 * wait for each other in Minga, so parallel appends go to different assemblies), after a warmup.
 */
final class RawAppends {

    /** The type Axon records for Minga's aggregate (its class's simple name). */
    static final String AGGREGATE_TYPE = "Assembly";
    static final int TABLES = 25;
    /** Half a phase, between 1 and 5 s, on 1 thread and not counted: the JIT compiles the append path first. */
    static final Duration SHORTEST_WARMUP = Duration.ofSeconds(1);
    static final Duration LONGEST_WARMUP = Duration.ofSeconds(5);

    private RawAppends() {
    }

    static Map<String, Object> run(Path dataDir, Duration perPhase) throws Exception {
        Duration warmup = perPhase.dividedBy(2);
        warmup = warmup.compareTo(SHORTEST_WARMUP) < 0 ? SHORTEST_WARMUP : warmup.compareTo(LONGEST_WARMUP) > 0 ? LONGEST_WARMUP : warmup;
        Map<String, Object> result = new LinkedHashMap<>();
        try (MingaContext minga = MingaContext.start(dataDir)) {
            result.put("contextStartSeconds", minga.startTook().toMillis() / 1000.0);
            result.put("warmupSeconds", warmup.toMillis() / 1000.0);
            minga.shutDownProcessors();
            EventStore eventStore = minga.bean(EventStore.class);
            TransactionManager transactions = minga.bean(TransactionManager.class);
            StoreRunner.log("Processors shut down; appending for " + warmup.toMillis() + " ms of warmup");
            phase(eventStore, transactions, "warmup", 1, warmup);
            StoreRunner.log("Appending on 1 thread for " + perPhase.toSeconds() + " s");
            result.put("oneThread", phase(eventStore, transactions, "raw1", 1, perPhase));
            StoreRunner.log("Appending on 4 threads for " + perPhase.toSeconds() + " s");
            result.put("fourThreads", phase(eventStore, transactions, "raw4", 4, perPhase));
            StoreRunner.log("Closing Minga's context");
        }
        return result;
    }

    /** {@code threads} appenders for {@code length}, each on assembly {@code prefix-t}; answers counts, rate and latencies. */
    private static Map<String, Object> phase(EventStore eventStore, TransactionManager transactions, String prefix, int threads,
                                             Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Future<long[]>> appenders = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String assemblyId = prefix + "-" + t;
                appenders.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return appendUntil(eventStore, transactions, assemblyId, window[1]);
                }));
            }
            ready.await();
            CpuShare cpu = CpuShare.start();
            window[0] = System.nanoTime();
            window[1] = window[0] + length.toNanos();
            go.countDown();
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> appender : appenders) {
                latencies.add(appender.get());
            }
            long took = System.nanoTime() - window[0];
            Map<String, Object> share = cpu.stop();
            Map<String, Object> summary = summary(threads, latencies, took, eventStore, prefix);
            summary.putAll(share);
            return summary;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Appending to " + prefix + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Appends one event per transaction until {@code deadline}; answers each append's nanoseconds. */
    private static long[] appendUntil(EventStore eventStore, TransactionManager transactions, String assemblyId, long deadline) {
        long[] took = new long[1 << 12];
        int count = 0;
        long sequence = 0;
        while (System.nanoTime() < deadline) {
            int table = (int) (sequence % TABLES);
            String tableId = "t" + (table + 1);
            String pieceId = tableId + "-n" + (1 + sequence / TABLES % 2);
            String text = "Necesidad " + (1 + sequence / TABLES % 2) + " de la mesa " + tableId
                    + ": agua potable para las veredas altas, revisada (rev-" + sequence + ")";
            long begin = System.nanoTime();
            appendAsACommandWould(eventStore, transactions, assemblyId, sequence,
                    new ReviseNeedPieceCommand(assemblyId, tableId, pieceId, text),
                    new NeedPieceRevisedEvent(assemblyId, tableId, pieceId, text));
            if (count == took.length) {
                took = Arrays.copyOf(took, count * 2);
            }
            took[count++] = System.nanoTime() - begin;
            sequence++;
        }
        return Arrays.copyOf(took, count);
    }

    /**
     * A unit of work for the command, with Minga's transaction manager attached: the event is
     * staged on publish and written when the unit of work commits, in one transaction.
     */
    private static void appendAsACommandWould(EventStore eventStore, TransactionManager transactions, String assemblyId,
                                              long sequence, ReviseNeedPieceCommand command, NeedPieceRevisedEvent event) {
        GenericCommandMessage<ReviseNeedPieceCommand> commandMessage = new GenericCommandMessage<>(command);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(commandMessage);
        unitOfWork.attachTransaction(transactions);
        try {
            // What Axon's MessageOriginProvider copies from a command to its events.
            MetaData origin = MetaData.with("traceId", commandMessage.getIdentifier())
                    .and("correlationId", commandMessage.getIdentifier());
            eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, assemblyId, sequence, event, origin));
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    private static Map<String, Object> summary(int threads, List<long[]> perThread, long tookNanos, EventStore eventStore,
                                               String prefix) {
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("threads", threads);
        phase.put("appends", all.length);
        phase.put("seconds", tookNanos / 1e9);
        phase.put("appendsPerSecond", all.length / (tookNanos / 1e9));
        phase.put("latencyP50Ms", percentile(all, 50) / 1e6);
        phase.put("latencyP99Ms", percentile(all, 99) / 1e6);
        phase.put("latencyMaxMs", all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        // Read back: each thread's stream must end at the sequence number it counted.
        boolean stored = true;
        for (int t = 0; t < perThread.size(); t++) {
            long appended = perThread.get(t).length;
            long last = eventStore.lastSequenceNumberFor(prefix + "-" + t).orElse(-1L);
            stored &= last == appended - 1;
        }
        phase.put("readBack", stored);
        return phase;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
