package org.minga.projections;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchWritesTest {

    record Counter(long version, int count) {
    }

    private MongoServer mongo;
    private MongoClient client;
    private MongoCollection<Document> counters;
    private ReadModelStorage stores;

    @BeforeEach
    void setUp() {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create(mongo.bindAndGetConnectionString());
        stores = new MongoReadModelStorage(client.getDatabase("test"));
        counters = client.getDatabase("test").getCollection("counters");
    }

    @AfterEach
    void tearDown() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void aBatchOfEventsWritesEachDocumentOnceWhenItCommitsAndReadsItsOwnWritesMeanwhile() {
        DocumentStore<Counter> store = stores.open("counters", Counter.class);
        List<Long> inDatabaseDuringTheBatch = new ArrayList<>();

        batchOf(3).execute(() -> {
            Counter before = store.find("valle").orElse(new Counter(0, 0));
            store.save("valle", new Counter(before.version() + 1, before.count() + 1));
            inDatabaseDuringTheBatch.add(counters.countDocuments(eq("_id", "valle")));
        });

        assertThat(inDatabaseDuringTheBatch).as("documents in the database after each event of the batch").containsExactly(0L, 0L, 0L);
        assertThat(store.find("valle")).contains(new Counter(3, 3));
        assertThat(counters.countDocuments()).isEqualTo(1);
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        DocumentStore<Counter> store = stores.open("counters", Counter.class);
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);

        assertThatThrownBy(() -> batch.execute(() -> {
            store.save("valle", new Counter(1, 1));
            throw new IllegalStateException("the processor stops mid-batch");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(counters.countDocuments()).isZero();
    }

    @Test
    void whatMustFollowTheWritesRunsAfterThemOnceABatch() {
        DocumentStore<Counter> store = stores.open("counters", Counter.class);
        List<Long> documentsWhenFlushed = new ArrayList<>();

        batchOf(4).execute(() -> {
            UnitOfWork<?> handling = CurrentUnitOfWork.get();
            BatchWrites.of(handling).afterWrites("flush", () -> documentsWhenFlushed.add(counters.countDocuments()));
            store.save("valle-" + handling.getMessage().getPayload(), new Counter(1, 1));
        });

        assertThat(documentsWhenFlushed).containsExactly(4L);
    }

    @Test
    void outsideABatchOfEventsSavesAreWrittenAtOnce() {
        DocumentStore<Counter> store = stores.open("counters", Counter.class);

        List<Long> inDatabaseRightAfterTheSave = new ArrayList<>();

        store.save("valle", new Counter(1, 1));
        inDatabaseRightAfterTheSave.add(counters.countDocuments());
        DefaultUnitOfWork.startAndGet(new GenericMessage<>("a command")).execute(() -> {
            store.save("sierra", new Counter(1, 1));
            inDatabaseRightAfterTheSave.add(counters.countDocuments());
        });

        // Asserted out here: a failure inside a unit of work surfaces as something else than what differs.
        assertThat(inDatabaseRightAfterTheSave).as("documents in the database right after a save with no unit of work, then in a command's")
                .containsExactly(1L, 2L);
    }

    @Test
    void theOnlyWriterReadsBackWhatItWroteFromMemory() {
        DocumentStore<Counter> store = new MongoReadModelStorage(client.getDatabase("test"), 10).open("counters", Counter.class);
        batchOf(1).execute(() -> store.save("valle", new Counter(1, 1)));

        counters.deleteMany(new Document());

        List<Optional<Counter>> readInTheNextBatch = new ArrayList<>();
        batchOf(1).execute(() -> readInTheNextBatch.add(store.find("valle")));

        assertThat(readInTheNextBatch).as("what the only writer read in its next batch").containsExactly(Optional.of(new Counter(1, 1)));
        assertThat(stores.open("counters", Counter.class).find("valle")).isEmpty();
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(int events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(GenericEventMessage.asEventMessage(i));
        }
        return new BatchingUnitOfWork<>(messages);
    }
}
