package org.minga.assembly.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
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
     * Weak references: the cache never holds an assembly the JVM needs the memory for, and a
     * laptop running one assembly keeps it loaded for the whole day.
     */
    public static Cache cache() {
        return new WeakReferenceCache();
    }
}
