package org.minga.benchmark;

/**
 * What {@link EventStoreRun} measured: the event store's raw appends ({@value #EVENT_STORE}), a
 * restart with many events stored ({@value #RESTART}), and the raw appends a second on one thread,
 * against which end-to-end commands a second compare.
 */
public record EventStoreFigures(Measurement eventStore, Measurement restart, double rawAppendsPerSecond) {

    public static final String EVENT_STORE = "eventStore";
    public static final String RESTART = "restart";

    /** The report with both measurements added under their keys. */
    public Report addTo(Report report) {
        return report.with(EVENT_STORE, eventStore).with(RESTART, restart);
    }
}
