package org.minga.runtime;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.lifecycle.Phase;
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
 * pooled and split into segments that instances share ({@link ProcessingInstances}) and claim
 * through their tokens in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@Profile(AxonServerRuntime.PROFILE)
public class AxonServerRuntime {

    public static final String PROFILE = "axonserver";
    static final String TOKENS_COLLECTION = "tracking_tokens";

    /*
     * Claims on the segments' tokens (README "Scaling out"). An owner renews each claim when it has
     * not for CLAIM_RENEWAL, and the coordinator looks every TOKEN_CLAIM_INTERVAL: an idle owner
     * renews every 3-5 s, a third of CLAIM_TIMEOUT at worst, so a live owner never loses a claim to
     * a pause of a few seconds (Axon's defaults, 5 s against 10 s, renewed idle claims every
     * 9.6-9.95 s and one was taken from a live owner). A dead owner's claims are free after
     * CLAIM_TIMEOUT; the others claim within TOKEN_CLAIM_INTERVAL of that.
     */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(15);
    static final Duration CLAIM_RENEWAL = Duration.ofSeconds(3);
    static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(2);

    /** axon-mongo has no Spring Boot starter: the token store is wired here. */
    @Bean
    public TokenStore tokenStore(MongoDatabase database, @Qualifier("serializer") Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(database)
                        .trackingTokensCollectionName(TOKENS_COLLECTION)
                        .build())
                .serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT)
                .ensureIndexes(true)
                .build();
    }

    /**
     * A processor without tokens starts from the first event. It says so with a null token rather
     * than asking Axon Server for its tail, so an instance starts (and serves what MongoDB holds)
     * while Axon Server is still coming up; readiness stays down until it is reachable. The instance
     * counts itself in once its processors run, and out before they stop.
     */
    @Bean
    public ConfigurerModule pooledProcessorsSharingSegments(MingaProperties properties, ProcessingInstances instances) {
        MingaProperties.Processors processors = properties.processors();
        return configurer -> {
            configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, instances::join);
            configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS + 1, instances::leave);
            configurer.eventProcessing().usingPooledStreamingEventProcessors(
                    (configuration, builder) -> sharingSegments(builder, processors, instances));
        };
    }

    /** A pooled processor as every instance runs it: its share of the segments, its claims' rhythm, its batches. */
    static PooledStreamingEventProcessor.Builder sharingSegments(PooledStreamingEventProcessor.Builder builder,
                                                                 MingaProperties.Processors processors, ProcessingInstances instances) {
        return builder
                .initialToken(source -> null)
                .initialSegmentCount(processors.segments())
                .maxSegmentProvider(processor -> instances.fairShare())
                .claimExtensionThreshold(CLAIM_RENEWAL.toMillis())
                .tokenClaimInterval(TOKEN_CLAIM_INTERVAL.toMillis())
                .batchSize(EventProcessingConfiguration.BATCH_SIZE);
    }

    /** The instances sharing the processing, and so each one's share of the segments. */
    @Bean
    public ProcessingInstances processingInstances(MongoDatabase database, MingaProperties properties, Clock clock) {
        MingaProperties.Processors processors = properties.processors();
        return new ProcessingInstances(database, processors.segments(), processors.maxSegmentsPerInstance(), clock);
    }

    /** Forgetting a processor's tokens in MongoDB makes it replay the event store (see {@link ReadModelRebuild}). */
    @Bean
    public ReadModelRebuild.TokenReset mongoTokenReset(MongoDatabase database, Clock clock) {
        return new MongoTokenReset(database, TOKENS_COLLECTION, CLAIM_TIMEOUT, clock);
    }
}
