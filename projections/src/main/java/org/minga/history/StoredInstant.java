package org.minga.history;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads a record's instant as the read models write it, "2026-03-14T09:00:00.123Z", without
 * {@code DateTimeFormatter}: a history of 10,000 records spent two fifths of its reading there. Any
 * other shape (a number, an offset, a leap second) is read by Jackson's own deserializer.
 */
final class StoredInstant extends StdScalarDeserializer<Instant> {

    private static final int SECONDS_END = "2026-03-14T09:00:00".length();

    StoredInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant read = parse(parser.getText());
            if (read != null) {
                return read;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant, or null when the text is not in the usual shape. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || length > SECONDS_END + 11 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        int fractionEnd = length - 1;
        if (fractionEnd > SECONDS_END) {
            if (text.charAt(SECONDS_END) != '.' || fractionEnd == SECONDS_END + 1) {
                return null;
            }
            nanos = digits(text, SECONDS_END + 1, fractionEnd);
            for (int scale = fractionEnd - SECONDS_END - 1; scale < 9 && nanos >= 0; scale++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written in text[from, to), or -1 if anything there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
