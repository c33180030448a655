package org.minga.projections;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;

/** Opens the collections of the read models with one Jackson mapping for all of them. */
public final class ReadModelStores {

    public static final String BOARDS = "boards";
    public static final String AGENDAS = "agendas";
    public static final String PARTICIPATION = "participation";
    public static final String HISTORY = "history";
    public static final String ASSEMBLIES = "assemblies";

    /**
     * The collection each event processor keeps, by processor name: {@link ReadModel} as a map, for
     * the code that still reads it so.
     */
    public static final Map<String, String> COLLECTION_OF_PROCESSOR = Arrays.stream(ReadModel.values())
            .collect(Collectors.toUnmodifiableMap(ReadModel::processor, ReadModel::collection));

    private final MongoDatabase database;
    private final ObjectMapper mapper;
    private final int keptInMemory;

    public ReadModelStores(MongoDatabase database) {
        this(database, 0);
    }

    /**
     * {@code keptInMemory} documents per collection stay in memory after they are written: only
     * when this process's processors are the only writers of the read models (embedded mode), as
     * another instance's writes would not be seen.
     */
    public ReadModelStores(MongoDatabase database, int keptInMemory) {
        this.database = database;
        this.keptInMemory = keptInMemory;
        // Instants and months as ISO strings, so documents read the way the REST API shows them.
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> DocumentStore<T> open(String collection, Class<T> type) {
        return new DocumentStore<>(database, collection, mapper, type, keptInMemory);
    }

    public MongoDatabase database() {
        return database;
    }

    /** True when a collection holds no document: dropped, or never built. */
    public boolean isEmpty(String collection) {
        return database.getCollection(collection).countDocuments() == 0;
    }
}
