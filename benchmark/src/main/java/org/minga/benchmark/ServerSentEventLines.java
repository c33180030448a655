package org.minga.benchmark;

import java.util.concurrent.Flow;

/**
 * Turns the lines of a {@code text/event-stream} into events: {@code event:} names the event,
 * {@code data:} lines make its data, a blank line dispatches it, and a line starting with
 * {@code :} is a comment (Minga's heartbeat). Lines of one stream arrive one at a time, in order.
 */
final class ServerSentEventLines implements Flow.Subscriber<String> {

    /** What a viewer does with its stream. */
    interface Listener {

        /** An event arrived; {@code receivedNanos} is when its last line did. */
        void event(String name, String data, long receivedNanos);

        /** The stream ended: {@code failure} is null when the server closed it cleanly. */
        void ended(Throwable failure);
    }

    private final Listener listener;
    private final StringBuilder data = new StringBuilder();
    private volatile Flow.Subscription subscription;
    private String name;
    private boolean hasData;

    ServerSentEventLines(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            if (hasData) {
                listener.event(name == null ? "message" : name, data.toString(), System.nanoTime());
            }
            name = null;
            data.setLength(0);
            hasData = false;
        } else if (line.startsWith(":")) {
            return;
        } else if (line.startsWith("event:")) {
            name = value(line, 6);
        } else if (line.startsWith("data:")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value(line, 5));
            hasData = true;
        }
    }

    /** The text after the field name, without the one space the format allows after the colon. */
    private static String value(String line, int colonEnd) {
        return line.startsWith(" ", colonEnd) ? line.substring(colonEnd + 1) : line.substring(colonEnd);
    }

    @Override
    public void onError(Throwable failure) {
        listener.ended(failure);
    }

    @Override
    public void onComplete() {
        listener.ended(null);
    }

    /** Hangs up: the HTTP client closes the connection. */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
