package org.minga.benchmark;

/**
 * What {@link EventStoreRun} measured: the event store's raw appends ({@value #EVENT_STORE}), a
 * restart with many events stored ({@value #RESTART}), a deep assembly against shallow ones
 * ({@value #ASSEMBLY_DEPTH}), and the raw appends a second on one thread, against which end-to-end
 * commands a second compare.
 */
public record EventStoreFigures(Measurement eventStore, Measurement restart, Measurement assemblyDepth, double rawAppendsPerSecond) {

    public static final String EVENT_STORE = "eventStore";
    public static final String RESTART = "restart";
    public static final String ASSEMBLY_DEPTH = "assemblyDepth";

    /** The report with the three measurements added under their keys. */
    public Report addTo(Report report) {
        return report.with(EVENT_STORE, eventStore).with(RESTART, restart).with(ASSEMBLY_DEPTH, assemblyDepth);
    }
}
