package org.minga.assembly.api;

import org.minga.words.Words;

/**
 * A table's label as people read it ("Mesa 3", "Table 3"): the number the split gave the table,
 * in an assembly's language, from the catalogue's {@code table.label}. A language with no
 * catalogue, or whose catalogue lacks the key, reads in Spanish. Events carry only the number;
 * every reader derives the label here.
 */
public final class TableLabels {

    static final String KEY = "table.label";

    private TableLabels() {
    }

    /** The label of table {@code number} in {@code language} ("es", "en", null for Spanish). */
    public static String label(String language, int number) {
        return Words.in(language).text(KEY).replace("{n}", String.valueOf(number));
    }
}
