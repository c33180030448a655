package org.minga.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FoldedReadModelTest {

    /** Counts the words it is told; other events do not concern it. */
    record Words(long version, int words) {
    }

    private MongoServer mongo;
    private MongoClient client;
    private FoldedReadModel<Words> words;

    @BeforeEach
    void setUp() {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create(mongo.bindAndGetConnectionString());
        words = new FoldedReadModel<>(new MongoReadModelStorage(client.getDatabase("test")).open("words", Words.class),
                (state, event) -> event.payload() instanceof String text
                        ? new Words(event.sequence(), (state == null ? 0 : state.words()) + text.split(" ").length)
                        : state,
                Words::version);
    }

    @AfterEach
    void tearDown() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void anEventTheFoldIgnoresWritesNothingAndLeavesTheVersionAtTheLastChange() {
        apply(0, "crédito rural");

        assertThat(apply(1, 42L)).isFalse();

        assertThat(words.find("valle")).contains(new Words(0, 2));
        assertThat(apply(2, "agua")).isTrue();
        assertThat(words.find("valle")).contains(new Words(2, 3));
    }

    @Test
    void anEventAlreadyReflectedIsSkipped() {
        apply(0, "crédito rural");
        apply(1, "agua");

        assertThat(apply(1, "agua")).isFalse();

        assertThat(words.find("valle")).contains(new Words(1, 3));
    }

    private boolean apply(long sequence, Object payload) {
        return words.apply(AssemblyEvent.of(new GenericDomainEventMessage<>("Assembly", "valle", sequence, payload))).isPresent();
    }
}
