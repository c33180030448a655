package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.security.AttemptWindow.Attempt;
import org.minga.ui.MutableClock;

/**
 * The shared attempt window on mongo-java-server, with two "instances": two sets of windows opened
 * on one database, each with its own client, as two Minga processes would.
 */
class MongoAttemptWindowTest {

    private static final int LIMIT = 10;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock();
    private MongoServer server;
    private MongoClient firstClient;
    private MongoClient secondClient;
    private MongoDatabase database;
    private AttemptWindow first;
    private AttemptWindow second;

    @BeforeEach
    void twoInstancesOnOneMongo() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        firstClient = MongoClients.create(uri);
        secondClient = MongoClients.create(uri);
        database = firstClient.getDatabase("minga");
        first = MongoAttemptWindow.windowsIn(database, clock).open("wrong-code", LIMIT, MINUTE);
        second = MongoAttemptWindow.windowsIn(secondClient.getDatabase("minga"), clock).open("wrong-code", LIMIT, MINUTE);
    }

    @AfterEach
    void stop() {
        firstClient.close();
        secondClient.close();
        server.shutdown();
    }

    private AttemptWindow instance(int n) {
        return n % 2 == 0 ? first : second;
    }

    @Test
    void wrongAttemptsOnBothInstancesFillOneWindowAndTheOneThatFillsItIsAnnouncedOnce() {
        List<Boolean> announced = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            Attempt attempt = instance(i).reserve("198.51.100.1");
            assertThat(attempt).as("attempt %d", i + 1).isNotNull();
            announced.add(instance(i).keptWrong(attempt));
        }

        assertThat(first.reserve("198.51.100.1")).isNull();
        assertThat(second.reserve("198.51.100.1")).isNull();
        assertThat(announced.subList(0, LIMIT - 1)).containsOnly(false);
        assertThat(announced.get(LIMIT - 1)).isTrue();
        assertThat(first.reserve("198.51.100.2")).as("another client").isNotNull();
    }

    @Test
    void anAttemptGivenBackOnEitherInstanceDoesNotCount() {
        for (int i = 0; i < LIMIT - 1; i++) {
            instance(i).keptWrong(instance(i).reserve("198.51.100.1"));
        }
        for (int i = 0; i < 5; i++) {
            Attempt right = instance(i).reserve("198.51.100.1");
            assertThat(right).isNotNull();
            instance(i + 1).giveBack(right);
        }

        Attempt tenth = second.reserve("198.51.100.1");
        assertThat(tenth).isNotNull();
        assertThat(second.keptWrong(tenth)).isTrue();
        assertThat(first.reserve("198.51.100.1")).isNull();
    }

    @Test
    void attemptsOlderThanTheWindowNoLongerCountAndTheirDocumentsAreSwept() {
        for (int i = 0; i < LIMIT / 2; i++) {
            instance(i).keptWrong(instance(i).reserve("198.51.100.1"));
        }
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < LIMIT / 2; i++) {
            instance(i).keptWrong(instance(i).reserve("198.51.100.1"));
        }
        assertThat(second.reserve("198.51.100.1")).isNull();

        clock.advance(Duration.ofSeconds(31));
        Attempt again = second.reserve("198.51.100.1");

        assertThat(again).isNotNull();
        MongoCollection<Document> attempts = database.getCollection(MongoAttemptWindow.COLLECTION);
        List<Document> held = attempts.find(new Document("_id", "wrong-code:198.51.100.1")).first().getList("attempts", Document.class);
        assertThat(held).hasSize(LIMIT / 2 + 1).extracting(a -> a.getString("id")).contains(again.id());

        clock.advance(Duration.ofSeconds(91));
        first.reserve("198.51.100.3");
        // The first client's newest attempt is more than a minute old: its document goes (so would MongoDB's TTL index take it).
        assertThat(attempts.find().map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("wrong-code:198.51.100.3");
        assertThat(attempts.listIndexes().into(new ArrayList<>())).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(new Document("expiresAt", 1));
            assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isZero();
        });
    }

    @Test
    void manyAttemptsAtOnceOnBothInstancesGetNoMoreThanTheLimit() throws Exception {
        int parallel = 40;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Boolean>> reserved = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                AttemptWindow window = instance(i);
                reserved.add(threads.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    Attempt attempt = window.reserve("198.51.100.1");
                    if (attempt == null) {
                        return false;
                    }
                    window.keptWrong(attempt);
                    return true;
                }));
            }
            go.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : reserved) {
                outcomes.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(got -> got).hasSize(LIMIT);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void whenTheWindowIsFullOfAttemptsBeingCheckedElsewhereANewOneWaitsForThem() {
        List<Attempt> checking = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            checking.add(first.reserve("198.51.100.1"));
        }
        Thread[] waiter = new Thread[1];
        CompletableFuture<Attempt> next = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            return second.reserve("198.51.100.1");
        });
        await().until(() -> waiter[0] != null && waiter[0].getState() == Thread.State.TIMED_WAITING);

        first.giveBack(checking.get(0));

        assertThat(next.join()).isNotNull();
    }

    @Test
    void whenTheAttemptsBeingCheckedElsewhereTurnOutWrongTheWaitingOneIsRefused() {
        List<Attempt> checking = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            checking.add(first.reserve("198.51.100.1"));
        }
        Thread[] waiter = new Thread[1];
        CompletableFuture<Attempt> next = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            return second.reserve("198.51.100.1");
        });
        await().until(() -> waiter[0] != null && waiter[0].getState() == Thread.State.TIMED_WAITING);

        checking.forEach(first::keptWrong);

        assertThat(next.join()).isNull();
    }

    @Test
    void aLongKeyIsStoredAsItsHash() {
        String typed = "x".repeat(5000);
        Attempt attempt = first.reserve(typed);
        first.keptWrong(attempt);

        assertThat(second.reserve(typed)).isNotNull();
        assertThat(database.getCollection(MongoAttemptWindow.COLLECTION).find().first().getString("_id"))
                .isEqualTo("wrong-code:sha256:" + Secrets.sha256(typed));
    }
}
