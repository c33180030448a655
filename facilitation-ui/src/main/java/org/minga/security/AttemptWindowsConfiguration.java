package org.minga.security;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.minga.runtime.AxonServerRuntime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Where the throttles count. In the {@code axonserver} profile several instances stand behind the
 * gateway, and each counting on its own would give a guesser ten more tries a minute per instance:
 * there they count in the MongoDB all instances share. Embedded, Minga is one instance (its event
 * store is a local file), so its memory already sees every attempt; counting there costs no write
 * to a file per phone request, and a waiting attempt wakes the moment another
 * is settled instead of asking again.
 */
@Configuration(proxyBeanMethods = false)
public class AttemptWindowsConfiguration {

    @Bean
    @Profile("!" + AxonServerRuntime.PROFILE)
    public AttemptWindows attemptsInMemory(Clock clock) {
        return (name, limit, window) -> new MemoryAttemptWindow(limit, window, clock);
    }

    @Bean
    @Profile(AxonServerRuntime.PROFILE)
    public AttemptWindows attemptsInSharedMongo(MongoDatabase database, Clock clock) {
        return MongoAttemptWindow.windowsIn(database, clock);
    }
}
