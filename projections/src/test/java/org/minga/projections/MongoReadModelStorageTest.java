package org.minga.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoReadModelStorageTest extends ReadModelStorageContract {

    private MongoServer mongo;
    private MongoClient client;
    private MongoDatabase database;
    private final AtomicLong updates = new AtomicLong();

    @BeforeEach
    void setUp() {
        mongo = new MongoServer(new MemoryBackend());
        CommandListener countUpdates = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    updates.incrementAndGet();
                }
            }
        };
        // A server that is gone is told within half a second, not the driver's thirty.
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.bindAndGetConnectionString() + "/?serverSelectionTimeoutMS=500"))
                .addCommandListener(countUpdates)
                .build());
        database = client.getDatabase("test");
    }

    @AfterEach
    void tearDown() {
        client.close();
        mongo.shutdownNow();
    }

    @Override
    ReadModelStorage storage(int keptInMemory) {
        return new MongoReadModelStorage(database, keptInMemory);
    }

    @Override
    long writeRequests() {
        return updates.get();
    }

    @Override
    void makeUnreachable() {
        mongo.shutdownNow();
    }

    /** What today's release wrote must read the same, and what this one writes must read in today's release. */
    @Test
    void documentsKeepTheShapeMongoDbHoldsThemIn() {
        storage(0).open("visits", Visit.class).save("valle", new Visit("valle", null, null, List.of()));
        storage(0).openLog("history", Line.class).append("valle", 7, new Line(7, "mesas"));

        assertThat(database.getCollection("visits").find().first()).containsEntry("_id", "valle").containsKey("stops");
        Document record = database.getCollection("history").find().first();
        assertThat(record).containsEntry("_id", "valle:7").containsEntry("assemblyId", "valle").containsEntry("text", "mesas");
        assertThat(record.get("sequence", Number.class).longValue()).isEqualTo(7);
    }

    @Test
    void aLogIsReadThroughAnIndexOnAssemblyAndSequence() {
        storage(0).openLog("history", Line.class);

        assertThat(database.getCollection("history").listIndexes())
                .anySatisfy(index -> assertThat(index.get("key", Document.class)).isEqualTo(new Document("assemblyId", 1).append("sequence", 1)));
    }

    @Test
    void aHistoryWrittenByTheReleaseBeforeReadsTheSame() {
        database.getCollection("history").insertMany(List.of(
                new Document("_id", "valle:1").append("assemblyId", "valle").append("sequence", 1).append("text", "inscrita"),
                new Document("_id", "valle:0").append("assemblyId", "valle").append("sequence", 0).append("text", "convocada"),
                new Document("_id", "sierra:0").append("assemblyId", "sierra").append("sequence", 0).append("text", "otra")));

        assertThat(storage(0).openLog("history", Line.class).recordsOf("valle"))
                .containsExactly(new Line(0, "convocada"), new Line(1, "inscrita"));
    }
}
