package org.minga.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minga.registry.ParticipantRegistry;
import org.minga.registry.ParticipantRegistry.PersonalData;

/** The registry's contract in an H2 file through JDBC, as the embedded runtime is to keep it. */
class JdbcRegistryStorageTest extends RegistryStorageContract {

    @TempDir
    Path dataDir;
    private JdbcConnectionPool pool;

    @Override
    RegistryStorage emptyStorage() {
        pool = open();
        return new JdbcRegistryStorage(pool);
    }

    @AfterEach
    void closeDatabase() {
        pool.dispose();
    }

    @Test
    void aRegistrationIsInTheFileWhenTheCallReturnsAndTheTablesAreKeptAtTheNextStart() {
        new ParticipantRegistry(storage).register("a1", "p1", new PersonalData("Ana", "+591 700", null));
        pool.dispose();

        pool = open();
        ParticipantRegistry reopened = new ParticipantRegistry(new JdbcRegistryStorage(pool));

        assertThat(reopened.peopleOf("a1")).containsEntry("p1", new PersonalData("Ana", "+591 700", null));
    }

    @Test
    void aTableAnEarlierVersionMadeGetsTheColumnsOfNewLookupsFilledFromItsRecords() throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE share_links");
            statement.execute("CREATE TABLE share_links (id CHARACTER VARYING PRIMARY KEY, seq BIGINT GENERATED ALWAYS AS IDENTITY,"
                    + " doc CHARACTER LARGE OBJECT NOT NULL)");
            statement.execute("INSERT INTO share_links (id, doc) VALUES ('L1',"
                    + " '{\"_id\": \"L1\", \"assemblyId\": \"a1\", \"kind\": \"auditor\", \"tokenHash\": \"h1\"}')");
        }

        RegistryStorage upgraded = new JdbcRegistryStorage(pool);

        assertThat(upgraded.find(RegistryKinds.SHARE_LINKS, Match.is("tokenHash", "h1"))).extracting(RegistryRecord::id).containsExactly("L1");
        assertThat(upgraded.delete(RegistryKinds.SHARE_LINKS, Match.is("assemblyId", "a1"))).isEqualTo(1);
    }

    private JdbcConnectionPool open() {
        return JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.resolve("registry") + ";WRITE_DELAY=0", "sa", "");
    }
}
