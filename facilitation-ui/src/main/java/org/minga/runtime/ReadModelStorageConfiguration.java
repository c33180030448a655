package org.minga.runtime;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.minga.projections.MongoReadModelStorage;
import org.minga.projections.ReadModelStorage;
import org.minga.registry.storage.MongoRegistryStorage;
import org.minga.registry.storage.RegistryStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where read models and the registry live when a MongoDB is named by {@code minga.mongodb.uri}
 * (always in the axonserver profile). Without one, the embedded runtime keeps them in H2 files
 * of its own ({@link EmbeddedStorageConfiguration}) and no MongoDB client exists at all. Spring
 * Boot's own Mongo auto-configuration is off (it would dial localhost:27017).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelStorageConfiguration {

    /** True when no MongoDB uri is configured, outside the axonserver profile (which needs one). */
    static final class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("minga.mongodb.uri", "");
            return uri.isBlank() && !context.getEnvironment().matchesProfiles(AxonServerRuntime.PROFILE);
        }
    }

    /** The opposite of {@link NoMongoUri}: a MongoDB is named, or the axonserver profile (which needs one) is on. */
    static final class MongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new NoMongoUri().matches(context, metadata);
        }
    }

    /** The data directory its owner's alone, before any store opens it (a static bean: it runs before the others). */
    @Bean
    public static OwnerOnlyDataDirectory ownerOnlyDataDirectory() {
        return new OwnerOnlyDataDirectory();
    }

    @Bean(destroyMethod = "close")
    @Conditional(MongoUri.class)
    public MongoClient mongoClient(MingaProperties properties) {
        if (properties.mongodb().embedded()) {
            throw new IllegalStateException("The axonserver profile keeps read models, the registry and tracking tokens "
                    + "in MongoDB: set MINGA_MONGODB_URI (e.g. mongodb://mongodb:27017)");
        }
        return MongoClients.create(properties.mongodb().uri());
    }

    @Bean
    @Conditional(MongoUri.class)
    public MongoDatabase mongoDatabase(MongoClient client, MingaProperties properties) {
        return client.getDatabase(properties.mongodb().database());
    }

    /** Read models in the MongoDB named: other instances may write it too, so nothing is kept in memory. */
    @Bean
    @Conditional(MongoUri.class)
    public ReadModelStorage readModelStorage(MongoDatabase database) {
        return new MongoReadModelStorage(database);
    }

    /** The registry in the same MongoDB, in the collections earlier releases used. */
    @Bean
    @Conditional(MongoUri.class)
    public RegistryStorage registryStorage(MongoDatabase database) {
        return new MongoRegistryStorage(database);
    }
}
