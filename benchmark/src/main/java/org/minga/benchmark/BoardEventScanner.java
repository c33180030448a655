package org.minga.benchmark;

import java.io.IOException;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a {@code board} or {@code table} event as a viewer must to show it, but keeps only what the
 * benchmark needs: the board's {@code revision} and the markers in the pieces' texts (needs and
 * solutions) and in their work plans' {@code who}. A streaming parse, since every viewer parses
 * every change and the harness shares the machine with Minga.
 */
final class BoardEventScanner {

    private static final JsonFactory FACTORY = new JsonFactory();

    private BoardEventScanner() {
    }

    /** Hands each marker's sequence number to {@code markers} and answers the event's revision (-1 if it has none). */
    static long scan(String data, LongConsumer markers) {
        long revision = -1;
        int depth = 0;
        int whoDepth = -1;
        try (JsonParser parser = FACTORY.createParser(data)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> depth++;
                    case START_ARRAY -> {
                        depth++;
                        if ("who".equals(parser.currentName())) {
                            whoDepth = depth;
                        }
                    }
                    case END_OBJECT -> depth--;
                    case END_ARRAY -> {
                        if (depth == whoDepth) {
                            whoDepth = -1;
                        }
                        depth--;
                    }
                    case VALUE_NUMBER_INT -> {
                        if (depth == 1 && "revision".equals(parser.currentName())) {
                            revision = parser.getLongValue();
                        }
                    }
                    case VALUE_STRING -> {
                        if (depth == whoDepth || "text".equals(parser.currentName())) {
                            long seq = marker(parser.getText());
                            if (seq >= 0) {
                                markers.accept(seq);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("A board event that is not JSON: " + data, e);
        }
        return revision;
    }

    /** The sequence number in a text that starts with the marker, or -1. */
    static long marker(String text) {
        if (!text.startsWith(PhoneLoad.MARKER)) {
            return -1;
        }
        long seq = 0;
        int i = PhoneLoad.MARKER.length();
        int digits = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && digits < 18) {
            seq = seq * 10 + (text.charAt(i++) - '0');
            digits++;
        }
        return digits == 0 ? -1 : seq;
    }
}
