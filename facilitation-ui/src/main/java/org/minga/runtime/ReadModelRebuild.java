package org.minga.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * A read model whose collection is empty (dropped by an operator, or a new disk) is rebuilt from
 * the event store: just before the processors start, its tracking tokens are removed, and a
 * processor without a token replays the stream from its first event. Processors that merely fell
 * behind catch up by themselves from their tokens. Tokens live in the views file beside the read models when embedded and
 * in MongoDB with Axon Server, where other instances may be running ({@link MongoTokenReset}).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** Forgets every tracking token of one processor; answers how many there were. */
    @FunctionalInterface
    public interface TokenReset {
        long forget(String processorName);

        /** Runs the checks and resets of a start while no other instance runs its own (one instance: at once). */
        default void exclusively(Runnable work) {
            work.run();
        }
    }

    @Bean
    public ConfigurerModule rebuildEmptiedReadModels(ReadModelStorage storage, TokenReset tokens) {
        return configurer -> configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> tokens.exclusively(() -> {
            for (ReadModel readModel : ReadModel.values()) {
                if (storage.isEmpty(readModel.collection()) && tokens.forget(readModel.processor()) > 0) {
                    log.info("Read model '{}' is empty: processor '{}' replays the event store to rebuild it",
                            readModel.collection(), readModel.processor());
                }
            }
        }));
    }

    @Bean
    @Profile("!" + AxonServerRuntime.PROFILE)
    public TokenReset jdbcTokenReset(@Qualifier("viewsDatabase") EmbeddedDatabase views) {
        return processorName -> {
            try (Connection connection = views.dataSource().getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM TokenEntry WHERE processorName = ?")) {
                delete.setString(1, processorName);
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reset the tokens of processor " + processorName, e);
            }
        };
    }
}
