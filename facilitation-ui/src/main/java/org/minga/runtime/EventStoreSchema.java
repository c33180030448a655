package org.minga.runtime;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.MySqlEventTableFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Embedded only. Axon creates no tables. This creates the event, snapshot and token tables (IF NOT EXISTS) when
 * the context is built, before any processor starts. On H2 2.3 the MySQL table factory works
 * where the HSQL one fails. On shutdown, after Axon has stopped, it closes an embedded H2 file
 * itself and compacts it: H2 copies the live data into a new file (SHUTDOWN COMPACT), which
 * leaves some 0.3 KiB an event. Measured with H2 alone on 110,000 events: 2.0 s for the 413 MB
 * file {@link H2Housekeeping} kept, 5.6 s once for a 4.2 GB file an earlier release left.
 */
@Component
@Profile("!" + AxonServerRuntime.PROFILE)
public class EventStoreSchema {

    private static final Logger log = LoggerFactory.getLogger(EventStoreSchema.class);

    private final DataSource dataSource;
    private final Path file;

    public EventStoreSchema(EventStorageEngine engine, TokenStore tokenStore, DataSource dataSource, MingaProperties properties) {
        this.dataSource = dataSource;
        this.file = properties.dataDir().resolve("events.mv.db");
        if (engine instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(MySqlEventTableFactory.INSTANCE);
        }
        if (tokenStore instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(GenericTokenTableFactory.INSTANCE);
        }
    }

    @PreDestroy
    void closeEmbeddedDatabase() {
        long started = System.nanoTime();
        if (EmbeddedDatabase.shutDownCompacted(dataSource, file, "The event store")) {
            log.info("The event store closed and compacted in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }
}
