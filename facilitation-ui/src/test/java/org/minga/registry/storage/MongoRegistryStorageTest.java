package org.minga.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry's contract on MongoDB, as production keeps it. */
class MongoRegistryStorageTest extends RegistryStorageContract {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @Override
    RegistryStorage emptyStorage() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("registry");
        return new MongoRegistryStorage(database);
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void recordsAreTheDocumentsTheyHaveAlwaysBeenUnderTheirOldCollectionNames() {
        storage.insert(RegistryKinds.SHARE_LINKS, RegistryRecord.withId("L1").with("assemblyId", "a1").with("kind", "auditor")
                .with("tokenHash", "h"));

        assertThat(database.getCollection("share_links").find().first())
                .isEqualTo(new Document("_id", "L1").append("assemblyId", "a1").append("kind", "auditor").append("tokenHash", "h"));
    }

    @Test
    void twoCodesLeftForOneTableByAnEarlierVersionAreCutToTheNewestWhenTheStorageStarts() {
        database.getCollection("table_codes").drop();
        database.getCollection("table_codes").insertMany(List.of(
                new Document("_id", "AAAAAA").append("assemblyId", "a").append("tableId", "t1"),
                new Document("_id", "CCCCCC").append("assemblyId", "a").append("tableId", "t1"),
                new Document("_id", "DDDDDD").append("assemblyId", "a").append("tableId", "t2")));

        RegistryStorage restarted = new MongoRegistryStorage(database);

        assertThat(restarted.all(RegistryKinds.TABLE_CODES)).extracting(RegistryRecord::id).containsExactly("CCCCCC", "DDDDDD");
        assertThat(database.getCollection("table_codes").listIndexes().map(index -> index.getString("name")).into(new java.util.ArrayList<>()))
                .contains("assemblyId_1_tableId_1");
    }
}
