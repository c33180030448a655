package org.minga.runtime;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The production runtime ({@code axonserver} profile): Axon Server stores events and routes
 * commands and queries; MongoDB keeps read models, the registry and the tracking tokens, so every
 * instance sees the same state; there is no H2 and no local file. Each read model's processor is
 * pooled and split into segments that instances claim through their tokens in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@Profile(AxonServerRuntime.PROFILE)
public class AxonServerRuntime {

    public static final String PROFILE = "axonserver";
    static final String TOKENS_COLLECTION = "tracking_tokens";

    /** axon-mongo has no Spring Boot starter: the token store is wired here. */
    @Bean
    public TokenStore tokenStore(MongoDatabase database, @Qualifier("serializer") Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(database)
                        .trackingTokensCollectionName(TOKENS_COLLECTION)
                        .build())
                .serializer(serializer)
                .ensureIndexes(true)
                .build();
    }

    /**
     * A processor without tokens starts from the first event. It says so with a null token rather
     * than asking Axon Server for its tail, so an instance starts (and serves what MongoDB holds)
     * while Axon Server is still coming up; readiness stays down until it is reachable.
     */
    @Bean
    public ConfigurerModule pooledProcessorsSharingSegments(MingaProperties properties) {
        MingaProperties.Processors processors = properties.processors();
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder
                        .initialToken(source -> null)
                        .initialSegmentCount(processors.segments())
                        .maxClaimedSegments(processors.maxSegmentsPerInstance())
                        .batchSize(EventProcessingConfiguration.BATCH_SIZE));
    }

    /** Forgetting a processor's tokens in MongoDB makes it replay the event store (see {@link ReadModelRebuild}). */
    @Bean
    public ReadModelRebuild.TokenReset mongoTokenReset(MongoDatabase database) {
        return processorName -> database.getCollection(TOKENS_COLLECTION)
                .deleteMany(Filters.eq("processorName", processorName)).getDeletedCount();
    }
}
