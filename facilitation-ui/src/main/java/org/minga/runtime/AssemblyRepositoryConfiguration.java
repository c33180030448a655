package org.minga.runtime;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.minga.assembly.api.wire.AssemblyRepositoryWiring;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two beans the {@code Assembly} aggregate names for its repository: the snapshot trigger and
 * the cache of loaded assemblies ({@link AssemblyRepositoryWiring} says why, and when the cache is off).
 */
@Configuration(proxyBeanMethods = false)
public class AssemblyRepositoryConfiguration {

    @Bean(AssemblyRepositoryWiring.SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition assemblySnapshotTrigger(Snapshotter snapshotter) {
        return AssemblyRepositoryWiring.snapshotTrigger(snapshotter);
    }

    @Bean(AssemblyRepositoryWiring.CACHE)
    public Cache assemblyCache(@Value("${minga.commands.keep-assemblies-loaded:true}") boolean keepLoaded) {
        return AssemblyRepositoryWiring.cacheFor(keepLoaded);
    }
}
