package org.minga.ui;

import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a board stream's lines as the browser's EventSource would deliver its events. */
public final class ServerSentEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Server-Sent Event: its name and its data as JSON. */
    public record Event(String name, JsonNode data) {
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
                    try {
                        into.accept(new Event(name[0], JSON.readTree(line.substring(5))));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        } catch (RuntimeException closed) {
            // the viewer left
        }
    }
}
