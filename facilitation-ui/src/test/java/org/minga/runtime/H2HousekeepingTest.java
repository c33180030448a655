package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.ui.TestDataDirectories;

/** Housekeeping on a disk that fills up leaves the store open and usable: commands decide what a full disk means. */
class H2HousekeepingTest {

    @AfterEach
    void spaceForTheNextTest() {
        FailingDisk.freeSpace();
    }

    @Test
    void aPassOnAFullDiskFailsQuietlyAndLeavesTheStoreOpen() throws SQLException {
        FailingDisk.install();
        Path dataDir = TestDataDirectories.fresh("housekeeping");
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:" + FailingDisk.SCHEME + ":" + dataDir.resolve("events") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        store.setUser("minga");
        execute(store, "CREATE TABLE NEEDS (ID INT PRIMARY KEY, TEXT VARCHAR(100))");
        for (int i = 1; i <= 200; i++) {
            execute(store, "MERGE INTO NEEDS VALUES (1, 'Necesidad revisada " + i + "')");
        }
        List<Throwable> toldUnusable = new ArrayList<>();
        // Passes run when the test says, not on their own schedule.
        try (H2Housekeeping housekeeping = new H2Housekeeping(dataDir, Duration.ofHours(1))) {
            housekeeping.keep("The event store", H2Housekeeping.storeOf(store), () -> false, toldUnusable::add);

            FailingDisk.fill();
            assertThatCode(housekeeping::pass).doesNotThrowAnyException();
            FailingDisk.freeSpace();
            housekeeping.pass();
        }

        assertThat(toldUnusable).isEmpty();
        assertThatCode(() -> execute(store, "MERGE INTO NEEDS VALUES (1, 'Después del disco lleno')")).doesNotThrowAnyException();
        execute(store, "SHUTDOWN");
    }

    private static void execute(JdbcDataSource store, String sql) throws SQLException {
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
