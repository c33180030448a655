package org.minga.benchmark;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Everything known about each command of one load, by its sequence number: what it was, when it was
 * due, when it went out, when and how it was answered, and when the first viewer saw its marker.
 * Markers are numbered from {@code firstMarker}, so the loads of one run (the rate ladder's steps,
 * then the main load) never take each other's markers for their own. Times are
 * {@link System#nanoTime()} of this process, so sending and seeing compare on one clock.
 */
public final class CommandLog {

    /** Answer status of a command that ended in an exception rather than an HTTP answer. */
    public static final int FAILED = -1;
    private static final String NOT_SENT = "not sent: ";

    private final long firstMarker;
    private final PhoneLoad.Kind[] kinds;
    private final long[] dueNanos;
    private final long[] sentNanos;
    private final AtomicLongArray answeredNanos;
    private final AtomicLongArray statuses;
    private final AtomicLongArray seenNanos;
    private final AtomicReferenceArray<String> errors;
    private volatile int planned;

    public CommandLog(int capacity, long firstMarker) {
        this.firstMarker = firstMarker;
        kinds = new PhoneLoad.Kind[capacity];
        dueNanos = new long[capacity];
        sentNanos = new long[capacity];
        answeredNanos = new AtomicLongArray(capacity);
        statuses = new AtomicLongArray(capacity);
        seenNanos = new AtomicLongArray(capacity);
        errors = new AtomicReferenceArray<>(capacity);
    }

    public int capacity() {
        return dueNanos.length;
    }

    /** The marker command {@code seq} carries (when its kind carries one). */
    long marker(int seq) {
        return firstMarker + seq;
    }

    /** The first marker a load after this one may use. */
    public long nextFreeMarker() {
        return firstMarker + capacity();
    }

    /** Called by the one generator thread just before the command is handed to the HTTP client. */
    void sent(int seq, PhoneLoad.Kind kind, long due, long sent) {
        kinds[seq] = kind;
        dueNanos[seq] = due;
        sentNanos[seq] = sent;
        planned = Math.max(planned, seq + 1);
    }

    void answered(int seq, long at, int status, String refusalCode) {
        answeredNanos.set(seq, at);
        statuses.set(seq, status);
        if (status < 200 || status > 299) {
            errors.set(seq, status + (refusalCode == null || refusalCode.isBlank() ? "" : " " + refusalCode));
        }
    }

    void failed(int seq, long at, Throwable cause) {
        answeredNanos.set(seq, at);
        statuses.set(seq, FAILED);
        Throwable reason = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        errors.set(seq, reason.getClass().getSimpleName());
    }

    /** The generator held the command back (too many waiting already); it counts as an error. */
    void notSent(int seq, long at, String why) {
        answeredNanos.set(seq, at);
        statuses.set(seq, FAILED);
        errors.set(seq, NOT_SENT + why);
    }

    /** A viewer found {@code marker}; only the first viewer's time counts, and only a marker of this load. */
    void seen(long marker, long at) {
        long seq = marker - firstMarker;
        if (seq >= 0 && seq < seenNanos.length()) {
            seenNanos.compareAndSet((int) seq, 0, at);
        }
    }

    /** How many commands have gone out so far. */
    public int sentCount() {
        return planned;
    }

    /** How many commands went out to Minga: those sent, less the ones the generator held back ({@link #notSent}). */
    public int reachedMinga() {
        int reached = 0;
        for (int seq = 0; seq < planned; seq++) {
            String error = errors.get(seq);
            if (error == null || !error.startsWith(NOT_SENT)) {
                reached++;
            }
        }
        return reached;
    }

    public PhoneLoad.Kind kind(int seq) {
        return kinds[seq];
    }

    public long due(int seq) {
        return dueNanos[seq];
    }

    public long sentAt(int seq) {
        return sentNanos[seq];
    }

    /** 0 while unanswered. */
    public long answeredAt(int seq) {
        return answeredNanos.get(seq);
    }

    /** The HTTP status, {@link #FAILED}, or 0 while unanswered. */
    public int status(int seq) {
        return (int) statuses.get(seq);
    }

    /** 0 while no viewer has seen it. */
    public long seenAt(int seq) {
        return seenNanos.get(seq);
    }

    public boolean succeeded(int seq) {
        int status = status(seq);
        return status >= 200 && status <= 299;
    }

    public boolean allAnswered() {
        for (int seq = 0; seq < planned; seq++) {
            if (answeredAt(seq) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Every succeeded command that carries a marker has been seen by a viewer. */
    public boolean allSucceededSeen() {
        for (int seq = 0; seq < planned; seq++) {
            if (succeeded(seq) && kinds[seq].carriesMarker() && seenAt(seq) == 0) {
                return false;
            }
        }
        return true;
    }

    /** What went wrong with {@code seq}: its HTTP status (with the refusal code Minga gave) or the exception; null if nothing. */
    public String error(int seq) {
        return errors.get(seq);
    }
}
