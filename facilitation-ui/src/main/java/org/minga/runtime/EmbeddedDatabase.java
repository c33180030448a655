package org.minga.runtime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One H2 file of the embedded runtime beside the event store, opened in this process only (no
 * server, no port), with a pool of its own. Not a {@link DataSource} bean, so Spring Boot's own
 * data source stays the event store's. Closed after Axon has stopped (a destroy method runs after
 * every lifecycle stop), which also writes it out and compacts it into a new file (SHUTDOWN COMPACT).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /**
     * H2 keeps no {@code .trace.db} file of its own beside the data: what goes wrong reaches Minga as
     * an exception and its log, and a second copy (with SQL in it) would be one more file to keep
     * private.
     */
    static final String NO_TRACE_FILE = "TRACE_LEVEL_FILE=0";

    private final String name;
    private final Path file;
    private final HikariDataSource dataSource;

    private EmbeddedDatabase(String name, Path file, HikariDataSource dataSource) {
        this.name = name;
        this.file = file;
        this.dataSource = dataSource;
    }

    /**
     * {@code durableEachCommit}: each commit is in the file before it returns (WRITE_DELAY=0), for
     * what cannot be rebuilt. Otherwise H2 writes commits out within half a second: a power cut
     * may take the last half second, whole transactions only, which is enough for what the events
     * rebuild. {@code pageCacheMiB}: H2's cache of the file's pages on the heap (16 MiB unless
     * said): the files beside the event store need less, since the read models are served from
     * their own copies in memory and the registry is small.
     */
    static EmbeddedDatabase open(Path directory, String name, boolean durableEachCommit, int pageCacheMiB) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
                + (durableEachCommit ? ";WRITE_DELAY=0" : "") + ";CACHE_SIZE=" + pageCacheMiB * 1024
                + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;" + NO_TRACE_FILE);
        config.setUsername("minga");
        config.setPassword("");
        log.info("{} kept in {}.mv.db", name, directory.resolve(name).toAbsolutePath());
        return new EmbeddedDatabase(name, directory.resolve(name + ".mv.db"), new HikariDataSource(config));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            shutDownCompacted(dataSource, file, name);
        } finally {
            dataSource.close();
        }
    }

    /**
     * Closes the H2 file behind {@code dataSource} and compacts it (SHUTDOWN COMPACT), its owner's
     * alone again afterwards; answers whether it did. Anything else than an H2 file is left open.
     */
    static boolean shutDownCompacted(DataSource dataSource, Path file, String name) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!connection.getMetaData().getURL().startsWith("jdbc:h2:file:")) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            OwnerOnlyDataDirectory.narrowFile(file);
            return true;
        } catch (SQLException e) {
            log.warn("{} did not close cleanly; it recovers at the next start: {}", name, e.getMessage());
            return false;
        } finally {
            release(dataSource, connection);
        }
    }

    /**
     * After SHUTDOWN the connection is closed with the database: a pool is told to drop it rather
     * than given it back (giving it back resets it, which fails on a closed connection).
     */
    private static void release(DataSource dataSource, Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException expected) {
            log.debug("connection closed with the database: {}", expected.getMessage());
        }
    }
}
