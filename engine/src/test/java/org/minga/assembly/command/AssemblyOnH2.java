package org.minga.assembly.command;

import org.minga.assembly.api.wire.AssemblyRepositoryWiring;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.MySqlEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The assembly on a real event store, as the application wires it: an H2 database, Jackson for
 * events and snapshots, the snapshot trigger, and the cache given.
 */
final class AssemblyOnH2 {

    private AssemblyOnH2() {
    }

    /** A started Axon configuration; {@code createSchema} for the first one on a new database. */
    static Configuration start(DataSource dataSource, Cache cache, boolean createSchema) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> {
                    JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                            .connectionProvider(new DataSourceConnectionProvider(dataSource))
                            .transactionManager(NoTransactionManager.INSTANCE)
                            .eventSerializer(serializer)
                            .snapshotSerializer(serializer)
                            .build();
                    if (createSchema) {
                        engine.createSchema(MySqlEventTableFactory.INSTANCE);
                    }
                    return engine;
                })
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Assembly.class)
                        .configureSnapshotTrigger(c -> AssemblyRepositoryWiring.snapshotTrigger(c.snapshotter()))
                        .configureCache(c -> cache))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }
}
