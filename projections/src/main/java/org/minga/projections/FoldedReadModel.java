package org.minga.projections;

import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A read model kept as one document per assembly, advanced by a pure fold. An event at or below
 * the sequence the document already reflects is skipped, so replays and redeliveries change
 * nothing: MongoDB writes the document apart from the processor's token. A fold
 * that answers the document it was given says the event does not concern it: nothing is written,
 * and handling that event again later changes nothing either.
 *
 * @param <S> the document, which records the sequence of the last event that changed it
 */
public final class FoldedReadModel<S> {

    /** {@code (state, event) -> state}; state is null before the assembly is scheduled; the same state when the event changes nothing. */
    @FunctionalInterface
    public interface Fold<S> {
        S apply(S state, AssemblyEvent event);
    }

    /** The document before and after one event. */
    public record Applied<S>(S before, S after) {
    }

    private final DocumentStore<S> store;
    private final Fold<S> fold;
    private final ToLongFunction<S> versionOf;

    public FoldedReadModel(DocumentStore<S> store, Fold<S> fold, ToLongFunction<S> versionOf) {
        this.store = store;
        this.fold = fold;
        this.versionOf = versionOf;
    }

    public Optional<Applied<S>> apply(AssemblyEvent event) {
        S before = store.find(event.assemblyId()).orElse(null);
        if (before != null && versionOf.applyAsLong(before) >= event.sequence()) {
            return Optional.empty();
        }
        S after = fold.apply(before, event);
        if (after == null || after == before) {
            return Optional.empty();
        }
        store.save(event.assemblyId(), after);
        return Optional.of(new Applied<>(before, after));
    }

    public Optional<S> find(String assemblyId) {
        return store.find(assemblyId);
    }

    public DocumentStore<S> store() {
        return store;
    }
}
