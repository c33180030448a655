package org.minga.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcReadModelStorageTest extends ReadModelStorageContract {

    @TempDir
    Path dataDir;

    private JdbcConnectionPool pool;
    private final AtomicLong merges = new AtomicLong();

    @BeforeEach
    void setUp() {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.resolve("read-models"), "minga", "");
    }

    @AfterEach
    void tearDown() {
        pool.dispose();
    }

    @Override
    ReadModelStorage storage(int keptInMemory) {
        return new JdbcReadModelStorage(countingMerges(pool::getConnection), keptInMemory);
    }

    @Override
    long writeRequests() {
        return merges.get();
    }

    @Override
    void makeUnreachable() {
        pool.dispose();
    }

    /** What lets the read models commit with the processor's token: their writes are the transaction's. */
    @Test
    void writesInATransactionThatRollsBackLeaveNothing() throws SQLException {
        try (Connection transaction = pool.getConnection()) {
            transaction.setAutoCommit(false);
            ReadModelStorage inTransaction = new JdbcReadModelStorage(boundTo(transaction));
            DocumentStore<Visit> visits = inTransaction.open("visits", Visit.class);
            AssemblyLog<Line> history = inTransaction.openLog("history", Line.class);
            visits.save("valle", new Visit("valle", null, null, List.of()));
            history.append("valle", 0, new Line(0, "convocada"));

            transaction.rollback();
        }

        assertThat(storage(0).open("visits", Visit.class).find("valle")).isEmpty();
        assertThat(storage(0).openLog("history", Line.class).recordsOf("valle")).isEmpty();
    }

    @Test
    void writesInATransactionThatCommitsAreKept() throws SQLException {
        try (Connection transaction = pool.getConnection()) {
            transaction.setAutoCommit(false);
            ReadModelStorage inTransaction = new JdbcReadModelStorage(boundTo(transaction));
            inTransaction.open("visits", Visit.class).save("valle", new Visit("valle", null, null, List.of()));
            assertThat(storage(0).open("visits", Visit.class).find("valle")).as("read from another connection before the commit").isEmpty();

            transaction.commit();
        }

        assertThat(storage(0).open("visits", Visit.class).find("valle")).isPresent();
    }

    /**
     * A batch whose transaction rolls back after its writes (the token could not be stored) is
     * handled again: the only writer must not remember documents that were never kept, or the
     * folds would skip the events that make them.
     */
    @Test
    void aBatchRolledBackAfterItsWritesLeavesNothingInTheTableOrInMemory() {
        // The wrapper commits or rolls back with the unit of work the connections it is handed, which autocommit would defeat.
        ConnectionProvider inTransactions = () -> {
            Connection connection = pool.getConnection();
            connection.setAutoCommit(false);
            return connection;
        };
        ReadModelStorage storage = new JdbcReadModelStorage(new UnitOfWorkAwareConnectionProviderWrapper(inTransactions), 10);
        DocumentStore<Visit> onlyWriter = storage.open("visits", Visit.class);
        Visit valle = new Visit("valle", null, null, List.of());

        assertThatThrownBy(() -> handlingAnEvent().execute(() -> {
            onlyWriter.save("valle", valle);
            CurrentUnitOfWork.get().onPrepareCommit(u -> {
                throw new IllegalStateException("the token cannot be stored");
            });
        })).isInstanceOf(RuntimeException.class);

        List<Optional<Visit>> readInTheNextBatch = new ArrayList<>();
        handlingAnEvent().execute(() -> readInTheNextBatch.add(onlyWriter.find("valle")));
        assertThat(readInTheNextBatch).as("what the only writer read when the batch was handled again").containsExactly(Optional.empty());
        assertThat(storage(0).open("visits", Visit.class).find("valle")).isEmpty();

        handlingAnEvent().execute(() -> onlyWriter.save("valle", valle));
        assertThat(storage(0).open("visits", Visit.class).find("valle")).as("written by a batch that commits").contains(valle);
    }

    @Test
    void aCollectionWhoseNameIsNotPlainLowercaseLettersIsRefused() {
        assertThatThrownBy(() -> storage(0).open("visits; DROP TABLE TokenEntry", Visit.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage(0).isEmpty("Visits")).isInstanceOf(IllegalArgumentException.class);
    }

    /** One connection for every operation, closed by its owner rather than by the storage. */
    private static ConnectionProvider boundTo(Connection connection) {
        return () -> (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : invoke(connection, method, args));
    }

    /** Counts the statements that merge documents or records in, one per write request. */
    private ConnectionProvider countingMerges(ConnectionProvider connections) {
        return () -> {
            Connection connection = connections.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith("MERGE")) {
                            merges.incrementAndGet();
                        }
                        return invoke(connection, method, args);
                    });
        };
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
