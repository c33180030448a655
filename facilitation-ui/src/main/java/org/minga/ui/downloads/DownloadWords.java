package org.minga.ui.downloads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.minga.words.Words;

/**
 * The words of the agenda downloads, the catalogue's {@code download.<…>} words in the language
 * asked, as the app's other answers (Spanish where the language has no words of its own).
 */
public final class DownloadWords {

    private static final String WORDS = "download.";

    private final Words words;

    public DownloadWords(Locale requested) {
        this.words = Words.in(requested);
    }

    public String get(String key, Object... arguments) {
        return words.format(WORDS + key, arguments);
    }

    /** "14 de marzo de 2026", "14 March 2026". */
    String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(words.locale()));
    }

    /** The day and the time of an instant; Minga does not know the venue's time zone, so it says UTC. */
    String dateTime(Instant at) {
        var utc = at.atZone(ZoneOffset.UTC);
        return get("minutes.at", date(utc.toLocalDate()), utc.format(DateTimeFormatter.ofPattern("HH:mm")));
    }
}
