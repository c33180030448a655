package org.minga.assembly.api;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A table's label as people read it ("Mesa 3", "Table 3"): the number the split gave the table,
 * in an assembly's language, from the words catalogue ({@code org/minga/words}, key
 * {@code table.label}). A language with no catalogue, or whose catalogue lacks the key, reads in
 * Spanish. Events carry only the number; every reader derives the label here.
 */
public final class TableLabels {

    static final String CATALOGUE = "org.minga.words.words";
    static final String KEY = "table.label";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private TableLabels() {
    }

    /** The label of table {@code number} in {@code language} ("es", "en", null for Spanish). */
    public static String label(String language, int number) {
        Locale locale = language == null || language.isBlank() ? Locale.ROOT : Locale.forLanguageTag(language);
        String pattern = ResourceBundle.getBundle(CATALOGUE, locale, NO_FALLBACK).getString(KEY);
        return pattern.replace("{n}", String.valueOf(number));
    }
}
