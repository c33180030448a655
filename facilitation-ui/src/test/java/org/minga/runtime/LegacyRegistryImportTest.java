package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.MingaApplication;
import org.minga.registry.ParticipantRegistry;
import org.minga.registry.ParticipantRegistry.PersonalData;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryStorage;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A laptop upgraded from the release that kept the registry in an embedded MongoDB's file
 * ({@code read-models.mv}): the file is written here the way that release wrote it (its collections,
 * its documents, through mongo-java-server on H2), then Minga starts on the folder. The facilitator
 * signs in with their own password, the people registered are still known, and the old file, which
 * holds names and phones, is gone.
 */
class LegacyRegistryImportTest {

    private static final String ANA_PASSWORD = "clave-de-ana-2025";
    /** A code made an hour ago, still valid. */
    private static final long CODE_MADE_AT = System.currentTimeMillis() - 3_600_000;
    /** A share link's token as that release kept it: its SHA-256 only. */
    private static final String LINK_HASH = "5e2bf57d3f40c4b6df69daf1936cb766f832374b4fc0259a7cbff06e2f70f269";

    private final Path dataDir = TestDataDirectories.fresh("legacy-registry");
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void theRegistryOfThePreviousReleaseIsCarriedOverAndItsFileDeleted() throws Exception {
        writtenByThePreviousRelease(dataDir.resolve(LegacyRegistryImport.FILE));

        running = start();
        MingaClient ana = client().with("Authorization", MingaClient.basic("ana", ANA_PASSWORD));
        assertThat(ana.get("/api/assemblies").status()).as("ana signs in with her password").isEqualTo(200);
        assertThat(client().with("Authorization", MingaClient.basic("ana", "another-password")).get("/api/assemblies").status()).isEqualTo(401);
        ParticipantRegistry people = running.getBean(ParticipantRegistry.class);
        assertThat(people.peopleOf("cauca-2025")).containsEntry("p1", new PersonalData("Rosa Quispe", "+57 300 000 0001", null));
        RegistryStorage registry = running.getBean(RegistryStorage.class);
        assertThat(registry.get(RegistryKinds.SHARE_LINKS, "link-1")).hasValueSatisfying(link -> assertThat(link.text("tokenHash")).isEqualTo(LINK_HASH));
        assertThat(registry.get(RegistryKinds.TABLE_CODES, "ABC123")).hasValueSatisfying(code -> assertThat(code.number("createdAt")).isEqualTo(CODE_MADE_AT));
        assertThat(dataDir.resolve(LegacyRegistryImport.FILE)).doesNotExist();
        assertThat(dataDir.resolve("registry.mv.db")).exists();

        running.close();
        running = start();
        assertThat(client().with("Authorization", MingaClient.basic("ana", ANA_PASSWORD)).get("/api/assemblies").status()).as("after a restart").isEqualTo(200);
        assertThat(running.getBean(ParticipantRegistry.class).namesOf("cauca-2025")).containsEntry("p1", "Rosa Quispe");
    }

    /** The previous release's file: registry collections and a read model, in its database "minga". */
    private static void writtenByThePreviousRelease(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
            MongoDatabase minga = client.getDatabase("minga");
            minga.getCollection("facilitators").insertOne(new Document("_id", "ana")
                    .append("passwordHash", new BCryptPasswordEncoder().encode(ANA_PASSWORD)));
            minga.getCollection("participant_registry").insertOne(new Document("_id", "cauca-2025:p1")
                    .append("assemblyId", "cauca-2025").append("participantId", "p1")
                    .append("name", "Rosa Quispe").append("phone", "+57 300 000 0001").append("email", null));
            minga.getCollection("share_links").insertOne(new Document("_id", "link-1").append("assemblyId", "cauca-2025")
                    .append("kind", "audit").append("tokenHash", LINK_HASH));
            minga.getCollection("table_codes").insertOne(new Document("_id", "ABC123").append("assemblyId", "cauca-2025")
                    .append("tableId", "t1").append("createdAt", CODE_MADE_AT));
            minga.getCollection("boards").insertOne(new Document("_id", "cauca-2025").append("version", 7));
        } finally {
            backend.commit();
            server.shutdown();
        }
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MingaApplication.class)
                .run("--minga.data-dir=" + dataDir, "--server.port=0", "--minga.facilitator.password=" + MingaClient.FACILITATOR_PASSWORD);
    }

    private MingaClient client() {
        return new MingaClient("http://localhost:" + running.getEnvironment().getProperty("local.server.port"));
    }
}
