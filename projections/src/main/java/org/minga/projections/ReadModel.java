package org.minga.projections;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The read models: each one's event processor (its {@code @ProcessingGroup}) and the collection it
 * is kept in, named once so the runtime (rebuild, catch-up, read-after-write) never spells them.
 */
public enum ReadModel {

    BOARD("board", "boards"),
    AGENDA("agenda", "agendas"),
    PARTICIPATION("participation", "participation"),
    HISTORY("history", "history"),
    ASSEMBLIES("assemblies", "assemblies");

    /** The collection each event processor keeps, by processor name: this enum as a map, for the code that reads it so. */
    public static final Map<String, String> COLLECTION_OF_PROCESSOR = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ReadModel::processor, ReadModel::collection));

    private final String processor;
    private final String collection;

    ReadModel(String processor, String collection) {
        this.processor = processor;
        this.collection = collection;
    }

    /** The event processor that keeps this read model. */
    public String processor() {
        return processor;
    }

    /** The collection this read model is kept in: a MongoDB collection, or a table named after it. */
    public String collection() {
        return collection;
    }

    public static Optional<ReadModel> ofProcessor(String processor) {
        return Arrays.stream(values()).filter(model -> model.processor.equals(processor)).findFirst();
    }
}
