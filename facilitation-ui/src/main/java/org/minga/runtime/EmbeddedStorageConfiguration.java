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
import org.minga.projections.ReadModel;
import org.minga.runtime.ReadModelStorageConfiguration.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The embedded runtime's file beside the event store ({@code events.mv.db}), opened in this
 * process only, with no port: {@code views.mv.db}, the processors' tracking tokens, where the read
 * models follow them, so that a processor's batch writes its documents and its token in one
 * transaction.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + AxonServerRuntime.PROFILE)
public class EmbeddedStorageConfiguration {

    static final String VIEWS = "views";
    static final String REGISTRY = "registry";

    @Bean(destroyMethod = "close")
    public EmbeddedDatabase viewsDatabase(MingaProperties properties) {
        return EmbeddedDatabase.open(properties.dataDir(), VIEWS, false);
    }

    /**
     * Keeps the event store, the views and the embedded read models small while Minga runs.
     * Built from the beans that close those files, so it stops before any of them closes.
     */
    @Bean(destroyMethod = "close")
    public H2Housekeeping h2Housekeeping(MingaProperties properties, DataSource eventStore, EventStoreSchema eventStoreSchema,
                                         EventStoreAvailability eventStoreAvailability,
                                         @Qualifier("viewsDatabase") EmbeddedDatabase views, Optional<EmbeddedMongo> readModels) {
        H2Housekeeping housekeeping = new H2Housekeeping(properties.dataDir());
        housekeeping.keep("The event store", H2Housekeeping.storeOf(eventStore),
                eventStoreAvailability::unavailable, eventStoreAvailability::failed);
        housekeeping.keep(views.name(), H2Housekeeping.storeOf(views.dataSource()));
        readModels.ifPresent(mongo -> housekeeping.keep("read models", mongo::store));
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
