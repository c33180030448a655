package org.minga.runtime;

import java.util.Optional;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.minga.projections.JdbcReadModelStorage;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.minga.registry.storage.DuplicateRecordException;
import org.minga.registry.storage.JdbcRegistryStorage;
import org.minga.registry.storage.RecordKind;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The embedded runtime's files beside the event store ({@code events.mv.db}), each opened in this
 * process only, with no port:
 * <ul>
 *   <li>{@code views.mv.db}: the read models and their processors' tracking tokens. A processor's
 *   batch writes its documents and its token in one transaction, so after a crash a read model is
 *   never ahead of or behind its token; the file can be deleted, and the events rebuild it.</li>
 *   <li>{@code registry.mv.db}: people, facilitators, sessions, table codes and links.</li>
 * </ul>
 * With {@code minga.mongodb.uri} set, read models and registry go to that MongoDB instead
 * ({@link ReadModelStorageConfiguration}) and only the tokens stay here.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + AxonServerRuntime.PROFILE)
public class EmbeddedStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStorageConfiguration.class);

    static final String VIEWS = "views";
    static final String REGISTRY = "registry";
    /** As many as the assemblies the command side keeps loaded. */
    static final int DOCUMENTS_KEPT_IN_MEMORY = 500;

    @Bean(destroyMethod = "close")
    public EmbeddedDatabase viewsDatabase(MingaProperties properties) {
        return EmbeddedDatabase.open(properties.dataDir(), VIEWS, false, 4);
    }

    /**
     * The read models, in the same file and transactions as their tokens. This process's processors
     * are their only writers, so each keeps the documents of the {@value #DOCUMENTS_KEPT_IN_MEMORY}
     * assemblies it wrote last instead of reading them back at every event.
     */
    @Bean
    @Conditional(ReadModelStorageConfiguration.NoMongoUri.class)
    public ReadModelStorage readModelStorage(@Qualifier("viewsDatabase") EmbeddedDatabase views) {
        return new JdbcReadModelStorage(new SpringDataSourceConnectionProvider(views.dataSource()), DOCUMENTS_KEPT_IN_MEMORY);
    }

    @Bean(destroyMethod = "close")
    @Conditional(ReadModelStorageConfiguration.NoMongoUri.class)
    public EmbeddedDatabase registryDatabase(MingaProperties properties) {
        return EmbeddedDatabase.open(properties.dataDir(), REGISTRY, true, 1);
    }

    /**
     * The registry: people, facilitators, sessions, table codes and links, which no event rebuilds,
     * in a file of its own written at every commit. What an earlier release kept in its embedded
     * MongoDB's file is carried over first ({@link LegacyRegistryImport}).
     */
    @Bean
    @Conditional(ReadModelStorageConfiguration.NoMongoUri.class)
    public RegistryStorage registryStorage(@Qualifier("registryDatabase") EmbeddedDatabase registry, MingaProperties properties) {
        JdbcRegistryStorage storage = new JdbcRegistryStorage(registry.dataSource());
        LegacyRegistryImport.carryOver(properties.dataDir(), properties.mongodb().database(),
                RegistryKinds.ALL.stream().map(RecordKind::collection).toList(), (collection, document) -> {
                    try {
                        storage.importDocument(collection, document);
                    } catch (DuplicateRecordException taken) {
                        log.warn("Not carried over from {}: a {} record whose key another record already holds ({}); "
                                + "a facilitator makes it again if needed", LegacyRegistryImport.FILE, collection, document.get("_id"));
                    }
                });
        return storage;
    }

    /**
     * Keeps the event store, the views and the registry small while Minga runs. Built from the
     * beans that close those files, so it stops before any of them closes.
     */
    @Bean(destroyMethod = "close")
    public H2Housekeeping h2Housekeeping(MingaProperties properties, DataSource eventStore, EventStoreSchema eventStoreSchema,
                                         EventStoreAvailability eventStoreAvailability,
                                         @Qualifier("viewsDatabase") EmbeddedDatabase views,
                                         @Qualifier("registryDatabase") Optional<EmbeddedDatabase> registry) {
        H2Housekeeping housekeeping = new H2Housekeeping(properties.dataDir());
        housekeeping.keep("The event store", H2Housekeeping.storeOf(eventStore),
                eventStoreAvailability::unavailable, eventStoreAvailability::failed);
        housekeeping.keep(views.name(), H2Housekeeping.storeOf(views.dataSource()));
        registry.ifPresent(database -> housekeeping.keep(database.name(), H2Housekeeping.storeOf(database.dataSource())));
        return housekeeping;
    }

    /** The processors' tokens, in the file of the read models they stand for. */
    @Bean
    public TokenStore embeddedTokenStore(@Qualifier("viewsDatabase") EmbeddedDatabase views,
                                         @Qualifier("serializer") Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(views.dataSource()))
                .serializer(serializer)
                .build();
    }

    /**
     * Each read model's processor handles a batch in a transaction on the views file: the
     * documents it writes as the batch commits (BatchWrites) and its token go in together.
     * Commands keep Spring Boot's transaction manager, on the event store.
     */
    @Bean
    public ConfigurerModule readModelsCommitWithTheirTokens(@Qualifier("viewsDatabase") EmbeddedDatabase views) {
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(views.dataSource()));
        return configurer -> {
            for (ReadModel readModel : ReadModel.values()) {
                configurer.eventProcessing().registerTransactionManager(readModel.processor(), configuration -> transactions);
            }
        };
    }
}
