package org.minga.assembly.api;

import java.util.Locale;

import org.minga.words.Words;

/**
 * Renders a refusal in the facilitator's language from the catalogue's {@code refusal.<code>} words,
 * naming the field by its {@code field.<name>} word. Spanish is the default; a language without its
 * own words reads them in Spanish. Argument {0} is always the field, the rest follow.
 * Patterns are {@link java.text.MessageFormat}s: a literal apostrophe is written twice.
 */
public final class RefusalMessages {

    public static final Locale SPANISH = Locale.forLanguageTag(Words.SPANISH);
    static final String REFUSAL = "refusal.";
    static final String FIELD = "field.";

    private RefusalMessages() {
    }

    public static String message(Refusal refusal, Locale locale, String field, Object... arguments) {
        Words words = Words.in(locale);
        Object[] all = new Object[arguments.length + 1];
        all[0] = field == null ? "" : fieldName(field, words);
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return words.format(REFUSAL + refusal.code(), all);
    }

    /**
     * A field as a facilitator reads it in their language ("quién lo hace", not "who"); indices are
     * dropped ("axes[2].title" reads as "axes.title"), then the last name of a path is tried, then the
     * field as sent.
     */
    static String fieldName(String field, Words words) {
        String path = field.replaceAll("\\[\\d+]", "");
        String last = path.substring(path.lastIndexOf('.') + 1);
        return words.has(FIELD + path) ? words.text(FIELD + path) : words.has(FIELD + last) ? words.text(FIELD + last) : field;
    }
}
