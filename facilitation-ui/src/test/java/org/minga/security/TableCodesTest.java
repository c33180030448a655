package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.registry.storage.MongoRegistryStorage;

/** A table has one code at a time, whoever asks for it first. */
class TableCodesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("codes");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theSplitsAnswerAndConsolesReadingTheTablesAtOnceAllGetTheSameCodes() throws Exception {
        TableCodes codes = new TableCodes(new MongoRegistryStorage(database), java.time.Clock.systemUTC(), new CredentialChanges(), 24);
        List<String> tables = IntStream.rangeClosed(1, 25).mapToObj(i -> "t" + i).toList();

        for (int round = 0; round < 10; round++) {
            String assembly = "a" + round;
            CyclicBarrier together = new CyclicBarrier(8);
            List<CompletableFuture<Map<String, String>>> readers = new ArrayList<>();
            for (int reader = 0; reader < 8; reader++) {
                readers.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return codes.ensureCodes(assembly, tables);
                }));
            }
            Map<String, String> first = readers.get(0).get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Map<String, String>> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).as("round %d", round).isEqualTo(first);
            }
            assertThat(first).hasSize(25);
            for (Map.Entry<String, String> code : first.entrySet()) {
                assertThat(codes.tableOf(code.getValue())).as("round %d, %s", round, code.getKey())
                        .contains(new TableCodes.TableAccess(assembly, code.getKey()));
            }
        }
    }

    @Test
    void twoCodesLeftForOneTableByAnEarlierVersionAreCutToTheNewest() {
        database.getCollection("table_codes").insertMany(List.of(
                new Document("_id", "AAAAAA").append("assemblyId", "a").append("tableId", "t1"),
                new Document("_id", "CCCCCC").append("assemblyId", "a").append("tableId", "t1"),
                new Document("_id", "DDDDDD").append("assemblyId", "a").append("tableId", "t2")));

        TableCodes codes = new TableCodes(new MongoRegistryStorage(database), java.time.Clock.systemUTC(), new CredentialChanges(), 24);

        assertThat(codes.codesOf("a", List.of("t1", "t2"))).containsEntry("t1", "CCCCCC").containsEntry("t2", "DDDDDD");
        assertThat(codes.tableOf("AAAAAA")).isEmpty();
        assertThat(database.getCollection("table_codes").countDocuments()).isEqualTo(2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
