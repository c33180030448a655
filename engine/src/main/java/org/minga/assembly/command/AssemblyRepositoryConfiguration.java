package org.minga.assembly.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps command handling cost flat as an assembly's stream grows: loaded assemblies stay in a
 * cache between commands, and a snapshot every {@value #SNAPSHOT_EVERY} events bounds what a
 * cold load replays.
 */
@Configuration(proxyBeanMethods = false)
public class AssemblyRepositoryConfiguration {

    public static final String SNAPSHOT_TRIGGER = "assemblySnapshotTrigger";
    public static final String CACHE = "assemblyCache";
    public static final int SNAPSHOT_EVERY = 250;
    public static final int CACHED_ASSEMBLIES = 500;

    @Bean(SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition assemblySnapshotTrigger(Snapshotter snapshotter) {
        return snapshotTrigger(snapshotter);
    }

    @Bean(CACHE)
    public Cache assemblyCache() {
        return cache();
    }

    /** The trigger, for configurations built without Spring (tests, tools). */
    public static SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /**
     * The {@value #CACHED_ASSEMBLIES} assemblies most recently used stay loaded between commands,
     * whatever the garbage collector does: a laptop's one assembly for the whole day, and a
     * server's many at once.
     */
    public static Cache cache() {
        return new RecentlyUsedCache(CACHED_ASSEMBLIES);
    }
}
