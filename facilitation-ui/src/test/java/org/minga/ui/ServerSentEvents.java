package org.minga.ui;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a board stream's lines as the browser's EventSource would deliver its events. */
public final class ServerSentEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One Server-Sent Event: its name, its data as JSON, and the data line as it came; data is null when that
     * line is not JSON, so the test that reads it fails with the line rather than the reader dying unheard.
     */
    public record Event(String name, JsonNode data, String frame) {

        /** The data, or a failure that shows the frame when it was not JSON. */
        @Override
        public JsonNode data() {
            if (data == null) {
                throw new AssertionError("the '" + name + "' event's data is not JSON: " + frame);
            }
            return data;
        }
    }

    private ServerSentEvents() {
    }

    /** Hands each event to {@code into} until the stream ends or the viewer closes it. */
    public static void read(Stream<String> lines, Consumer<Event> into) {
        String[] name = {null};
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    JsonNode data;
                    try {
                        data = JSON.readTree(line.substring(5));
                    } catch (JsonProcessingException notJson) {
                        data = null;
                    }
                    into.accept(new Event(name[0], data, line));
                }
            });
        } catch (UncheckedIOException | IllegalStateException closed) {
            // the viewer left: the line reader fails once its body is closed under it
        }
    }

    /**
     * The next event, which must be named {@code name} and arrive within {@code within}; otherwise a failure that
     * says which event did not come, or what came instead.
     */
    public static Event next(BlockingQueue<Event> events, String name, Duration within) throws InterruptedException {
        Event event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event '" + name + "' within " + within.toSeconds() + " s");
        }
        if (!name.equals(event.name())) {
            throw new AssertionError("expected the event '" + name + "', got '" + event.name() + "': " + event.frame());
        }
        event.data();
        return event;
    }
}
