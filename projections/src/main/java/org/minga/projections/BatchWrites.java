package org.minga.projections;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The read-model writes of one batch of events, done together just before the processor stores
 * its token: an assembly whose board changed ten times in a batch is written once, and the
 * history of the batch goes in one request. Then, in order, whatever must follow the writes (the
 * embedded store writing its file). A processor that fails before committing leaves nothing
 * written and handles the batch again; the folds skip what a document already reflects.
 */
public final class BatchWrites {

    private static final String RESOURCE = BatchWrites.class.getName();

    private final Map<Object, PendingWrites<?, ?>> writes = new LinkedHashMap<>();
    private final Map<String, Runnable> afterWrites = new LinkedHashMap<>();

    private BatchWrites() {
    }

    /** The batch of the event being handled on this thread, if any (none in a query, a command or a plain call). */
    public static Optional<BatchWrites> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root.getMessage() instanceof EventMessage)) {
            return Optional.empty();
        }
        return Optional.of(of(root));
    }

    /** The writes of the batch the unit of work belongs to, done as it prepares to commit. */
    public static BatchWrites of(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(RESOURCE, key -> {
            BatchWrites batch = new BatchWrites();
            root.onPrepareCommit(committing -> batch.write());
            root.afterCommit(committed -> batch.writes.values().forEach(PendingWrites::committed));
            return batch;
        });
    }

    /**
     * What {@code owner} keeps for this batch, handed to {@code write} when the batch prepares to
     * commit and to {@code committed} once it has (not if it rolls back).
     */
    @SuppressWarnings("unchecked")
    <K, T> Map<K, T> pending(Object owner, Consumer<Map<K, T>> write, Consumer<Map<K, T>> committed) {
        return ((PendingWrites<K, T>) writes.computeIfAbsent(owner, o -> new PendingWrites<>(new LinkedHashMap<>(), write, committed))).values();
    }

    /** Runs {@code action} once in this batch, after every write (again once if asked twice under one name). */
    public void afterWrites(String name, Runnable action) {
        afterWrites.putIfAbsent(name, action);
    }

    private void write() {
        writes.values().forEach(PendingWrites::write);
        afterWrites.values().forEach(Runnable::run);
    }

    private record PendingWrites<K, T>(Map<K, T> values, Consumer<Map<K, T>> writer, Consumer<Map<K, T>> afterCommit) {
        void write() {
            if (!values.isEmpty()) {
                writer.accept(values);
            }
        }

        void committed() {
            if (!values.isEmpty()) {
                afterCommit.accept(values);
            }
        }
    }
}
