package org.minga.projections;

import java.util.Arrays;
import java.util.Optional;

/**
 * The read models: each one's event processor (its {@code @ProcessingGroup}) and the collection it
 * is kept in, named once so the runtime (rebuild, catch-up, read-after-write) never spells them.
 */
public enum ReadModel {

    BOARD("board", ReadModelStores.BOARDS),
    AGENDA("agenda", ReadModelStores.AGENDAS),
    PARTICIPATION("participation", ReadModelStores.PARTICIPATION),
    HISTORY("history", ReadModelStores.HISTORY),
    ASSEMBLIES("assemblies", ReadModelStores.ASSEMBLIES);

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

    /** The MongoDB collection this read model is kept in. */
    public String collection() {
        return collection;
    }

    public static Optional<ReadModel> ofProcessor(String processor) {
        return Arrays.stream(values()).filter(model -> model.processor.equals(processor)).findFirst();
    }
}
