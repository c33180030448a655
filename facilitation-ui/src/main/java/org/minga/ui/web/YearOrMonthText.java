package org.minga.ui.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A year or a month where a person types one: {@code "2024-03"}, {@code "2024"}, or the year as a
 * bare number ({@code 2024}), which is what someone writing JSON by hand types first. Any other
 * number ({@code 2024.5}) or a true/false stays bad input naming the field, as everywhere else
 * ({@link JsonConfiguration}); whether the year is a sane one is the engine's check.
 */
public class YearOrMonthText extends StdScalarDeserializer<String> {

    public YearOrMonthText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT -> parser.getText();
            default -> (String) context.handleUnexpectedToken(String.class, parser);
        };
    }
}
