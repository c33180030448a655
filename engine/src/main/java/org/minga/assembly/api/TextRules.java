package org.minga.assembly.api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every text and id written on a piece or a form goes through before it reaches an event:
 * Unicode NFC, trimmed, 1–280 characters, no control characters, at least one visible character.
 * Pure functions.
 */
public final class TextRules {

    public static final int MAX_LENGTH = 280;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private TextRules() {
    }

    /** A text that must be there. */
    public static String required(String field, String raw) {
        String text = optional(field, raw);
        if (text == null) {
            throw new InvalidInputException(field, Refusal.FIELD_REQUIRED);
        }
        return text;
    }

    /** A text that may be left out; blank counts as left out. */
    public static String optional(String field, String raw) {
        if (raw == null) {
            return null;
        }
        String text = stripSpaces(Normalizer.normalize(raw, Normalizer.Form.NFC));
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePoints().anyMatch(TextRules::forbidden)) {
            throw new InvalidInputException(field, Refusal.TEXT_CONTROL_CHARACTERS);
        }
        if (text.codePoints().noneMatch(TextRules::visible)) {
            throw new InvalidInputException(field, Refusal.TEXT_INVISIBLE);
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new InvalidInputException(field, Refusal.TEXT_TOO_LONG, length, MAX_LENGTH);
        }
        return text;
    }

    /**
     * A list of short texts (organisations, who does what): each entry normalised, blanks dropped,
     * repeats (ignoring case) kept once, in the order given.
     */
    public static List<String> list(String field, List<String> raw, int maxEntries, boolean atLeastOne) {
        Map<String, String> unique = new LinkedHashMap<>();
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                String entry = optional(field + "[" + i + "]", raw.get(i));
                if (entry != null) {
                    unique.putIfAbsent(entry.toLowerCase(Locale.ROOT), entry);
                }
            }
        }
        if (atLeastOne && unique.isEmpty()) {
            throw new InvalidInputException(field, Refusal.LIST_EMPTY);
        }
        if (unique.size() > maxEntries) {
            throw new InvalidInputException(field, Refusal.LIST_TOO_LONG, maxEntries);
        }
        return List.copyOf(new ArrayList<>(unique.values()));
    }

    /** A client-chosen id: 1–64 of {@code [A-Za-z0-9_-]}. */
    public static String id(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException(field, Refusal.FIELD_REQUIRED);
        }
        if (!ID.matcher(raw).matches()) {
            throw new InvalidInputException(field, Refusal.ID_INVALID, raw);
        }
        return raw;
    }

    /** A key that compares organisation names the way people do: ignoring case, accents' encoding and spacing. */
    public static String organizationKey(String organization) {
        return Normalizer.normalize(organization, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Like {@link String#strip()}, but also drops no-break and other Unicode spaces phones type. */
    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /**
     * Whether a character leaves a mark on its own. Spaces, format characters (zero-width space,
     * BOM, direction marks, tag characters), combining marks with nothing to sit on, unassigned
     * code points and the fillers that render as blanks (Hangul fillers, Braille blank) do not:
     * a piece made only of them shows up blank on the board and the agenda.
     */
    static boolean visible(int codePoint) {
        if (isSpace(codePoint)) {
            return false;
        }
        switch (codePoint) {
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800 -> {
                return false;
            }
            default -> {
            }
        }
        int type = Character.getType(codePoint);
        return type != Character.FORMAT
                && type != Character.NON_SPACING_MARK
                && type != Character.ENCLOSING_MARK
                && type != Character.COMBINING_SPACING_MARK
                && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE
                && type != Character.CONTROL
                && type != Character.SURROGATE;
    }

    private static boolean forbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.SURROGATE
                // Bidirectional overrides and isolates can make a piece read differently than it is stored.
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
