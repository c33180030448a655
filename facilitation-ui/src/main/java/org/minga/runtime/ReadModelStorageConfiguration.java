package org.minga.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.minga.projections.BatchWrites;
import org.minga.projections.ReadModelStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where read models live: a MongoDB named by {@code minga.mongodb.uri}, or else MongoDB's
 * protocol served in-process by mongo-java-server on an H2 file in the data directory, bound to
 * the loopback interface only. Spring Boot's own Mongo auto-configuration is off (it would dial
 * localhost:27017).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStorageConfiguration.class);
    /** As many as the assemblies the command side keeps loaded. */
    static final int DOCUMENTS_KEPT_IN_MEMORY = 500;

    /** The in-process MongoDB of the embedded mode. */
    public static final class EmbeddedMongo implements AutoCloseable {

        private final Path file;
        private final H2Backend backend;
        private final MongoServer server;
        private final InetSocketAddress address;

        EmbeddedMongo(Path file) {
            this.file = file;
            this.backend = new H2Backend(file.toString());
            this.server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            this.address = server.getLocalAddress();
        }

        String connectionString() {
            return "mongodb://" + address.getHostString() + ":" + address.getPort();
        }

        /** The file's store, for {@link H2Housekeeping}. */
        MVStore store() {
            return backend.getMvStore();
        }

        /** Writes what the read models hold in memory to the file. */
        void flush() {
            backend.commit();
        }

        /** Closes the file, then copies its live data into a new one, as SHUTDOWN COMPACT does for the event store. */
        @Override
        public void close() {
            server.shutdown();
            long started = System.nanoTime();
            try {
                MVStoreTool.compact(file.toString(), true);
                OwnerOnlyDataDirectory.narrowFile(file);
                log.info("Read models compacted in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (RuntimeException e) {
                log.warn("Read models were not compacted; their file stays as it was: {}", e.getMessage());
            }
        }
    }

    /** True when no MongoDB uri is configured, outside the axonserver profile (which needs one). */
    static final class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("minga.mongodb.uri", "");
            return uri.isBlank() && !context.getEnvironment().matchesProfiles(AxonServerRuntime.PROFILE);
        }
    }

    /** The data directory its owner's alone, before any store opens it (a static bean: it runs before the others). */
    @Bean
    public static OwnerOnlyDataDirectory ownerOnlyDataDirectory() {
        return new OwnerOnlyDataDirectory();
    }

    @Bean
    @Conditional(NoMongoUri.class)
    public EmbeddedMongo embeddedMongo(MingaProperties properties) {
        Path file = properties.dataDir().resolve("read-models.mv");
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + properties.dataDir(), e);
        }
        EmbeddedMongo embedded = new EmbeddedMongo(file);
        log.info("Read models kept in {}", file.toAbsolutePath());
        return embedded;
    }

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(MingaProperties properties, Optional<EmbeddedMongo> embeddedMongo) {
        if (embeddedMongo.isEmpty() && properties.mongodb().embedded()) {
            throw new IllegalStateException("The axonserver profile keeps read models, the registry and tracking tokens "
                    + "in MongoDB: set MINGA_MONGODB_URI (e.g. mongodb://mongodb:27017)");
        }
        return MongoClients.create(embeddedMongo.map(EmbeddedMongo::connectionString).orElse(properties.mongodb().uri()));
    }

    @Bean
    public MongoDatabase mongoDatabase(MongoClient client, MingaProperties properties) {
        return client.getDatabase(properties.mongodb().database());
    }

    /**
     * Embedded, this process's processors are the only writers of the read models, so each keeps
     * the documents of the {@value #DOCUMENTS_KEPT_IN_MEMORY} assemblies it wrote last instead of
     * reading them back at every event. With a MongoDB of its own, other instances write too.
     */
    @Bean
    public ReadModelStores readModelStores(MongoDatabase database, Optional<EmbeddedMongo> embeddedMongo) {
        return new ReadModelStores(database, embeddedMongo.isPresent() ? DOCUMENTS_KEPT_IN_MEMORY : 0);
    }

    /**
     * The embedded store writes its file about once a second, while tracking tokens are on disk
     * at each commit. Writing the read models out, after the batch's writes and before a processor
     * stores its token, keeps them from falling behind their tokens when the JVM is killed or the
     * laptop loses power.
     */
    @Bean
    @Conditional(NoMongoUri.class)
    public ConfigurerModule flushEmbeddedReadModelsBeforeTokens(EmbeddedMongo embeddedMongo) {
        MessageHandlerInterceptor<EventMessage<?>> flush = (unitOfWork, chain) -> {
            BatchWrites.of(unitOfWork).afterWrites("embedded read models to their file", embeddedMongo::flush);
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) -> flush);
    }
}
