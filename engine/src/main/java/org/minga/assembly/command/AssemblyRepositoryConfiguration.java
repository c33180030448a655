package org.minga.assembly.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps command handling cost flat as an assembly's stream grows: loaded assemblies stay in a
 * cache between commands, and a snapshot every {@value #SNAPSHOT_EVERY} events bounds what a
 * cold load replays.
 * <p>
 * The cache is only right where this instance is the only one that writes the assemblies (the
 * embedded laptop). With several instances over Axon Server an assembly moves to another
 * instance when instances come and go; a copy kept here would miss what was appended there and
 * the next command would act on the past (a refusal that no longer holds, or an append that
 * Axon Server rejects). There ({@code minga.commands.keep-assemblies-loaded=false}) every command
 * loads its assembly afresh: the latest snapshot and at most {@value #SNAPSHOT_EVERY} events.
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
    public Cache assemblyCache(@Value("${minga.commands.keep-assemblies-loaded:true}") boolean keepLoaded) {
        return cacheFor(keepLoaded);
    }

    /** The cache for an instance that is the only writer of its assemblies ({@code true}), or none. */
    public static Cache cacheFor(boolean onlyWriter) {
        return onlyWriter ? cache() : NoCache.INSTANCE;
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
