package org.minga.assembly.api.wire;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Keeps command handling cost flat as an assembly's stream grows: loaded assemblies stay in a
 * cache between commands, and a snapshot every {@value #SNAPSHOT_EVERY} events bounds what a
 * cold load replays. The aggregate names the two beans ({@link #SNAPSHOT_TRIGGER}, {@link #CACHE});
 * the application that runs the engine registers them with what these factories build, so the
 * engine needs no Spring of its own.
 * <p>
 * The cache is only right where this instance is the only one that writes the assemblies (the
 * embedded laptop). With several instances over Axon Server an assembly moves to another
 * instance when instances come and go; a copy kept here would miss what was appended there and
 * the next command would act on the past (a refusal that no longer holds, or an append that
 * Axon Server rejects). There ({@code minga.commands.keep-assemblies-loaded=false}) every command
 * loads its assembly afresh: the latest snapshot and at most {@value #SNAPSHOT_EVERY} events.
 */
public final class AssemblyRepositoryWiring {

    public static final String SNAPSHOT_TRIGGER = "assemblySnapshotTrigger";
    public static final String CACHE = "assemblyCache";
    public static final int SNAPSHOT_EVERY = 250;
    public static final int CACHED_ASSEMBLIES = 500;

    private AssemblyRepositoryWiring() {
    }

    /** The cache for an instance that is the only writer of its assemblies ({@code true}), or none. */
    public static Cache cacheFor(boolean onlyWriter) {
        return onlyWriter ? cache() : NoCache.INSTANCE;
    }

    /** The trigger: a snapshot every {@value #SNAPSHOT_EVERY} events. */
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
