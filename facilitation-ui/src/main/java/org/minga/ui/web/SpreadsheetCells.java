package org.minga.ui.web;

/**
 * What every cell Minga writes into a CSV or XLSX goes through, so a spreadsheet shows the text a
 * table wrote and never runs it as a formula (OWASP's CSV injection advice): a cell whose first
 * visible character is {@code = + - @}, or that starts with a tab or carriage return, gets a
 * leading apostrophe. Invisible characters in front (a BOM, zero-width spaces, direction marks)
 * do not hide the sign, and line separators further on do not matter.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The text as a spreadsheet must show it; null stays null. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return "'" + value;
        }
        int i = 0;
        while (i < value.length()) {
            int c = value.codePointAt(i);
            if (!hidden(c)) {
                return c == '=' || c == '+' || c == '-' || c == '@' ? "'" + value : value;
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /** One RFC 4180 CSV field: defused, always quoted, quotes doubled; null is an empty field. */
    public static String csv(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + text(value).replace("\"", "\"\"") + "\"";
    }

    /** Characters a spreadsheet skips or shows as nothing before it reads a formula's sign. */
    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || type == Character.FORMAT || type == Character.CONTROL
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }
}
