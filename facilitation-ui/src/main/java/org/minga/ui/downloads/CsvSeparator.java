package org.minga.ui.downloads;

import java.util.Locale;

import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;

/**
 * The field separator of a CSV download. A semicolon by default: it is the list separator of
 * Excel in Spanish (and most Latin American locales), so a double-click opens the file in columns.
 */
public enum CsvSeparator {
    SEMICOLON(';'),
    COMMA(',');

    private final char character;

    CsvSeparator(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }

    /** {@code ?separator=semicolon|comma}; absent means semicolon, anything else is refused (400). */
    public static CsvSeparator of(String requested) {
        if (requested == null) {
            return SEMICOLON;
        }
        for (CsvSeparator separator : values()) {
            if (separator.name().toLowerCase(Locale.ROOT).equals(requested.trim().toLowerCase(Locale.ROOT))) {
                return separator;
            }
        }
        throw new InvalidInputException("separator", Refusal.SEPARATOR_UNKNOWN, requested);
    }
}
