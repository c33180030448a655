package org.minga.ui.downloads;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

import org.minga.assembly.api.RefusalMessages;

/**
 * The words of the agenda downloads, from {@code org/minga/ui/downloads/downloads*.properties}:
 * Spanish unless English is asked for, as the app's other answers.
 */
public final class DownloadWords {

    private static final String BUNDLE = "org.minga.ui.downloads.downloads";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    public DownloadWords(Locale requested) {
        boolean english = requested != null && "en".equals(requested.getLanguage());
        // English dates read "14 March 2026", as the agenda page shows them.
        this.locale = english ? Locale.UK : RefusalMessages.SPANISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, english ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** "14 de marzo de 2026", "14 March 2026". */
    String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** The day and the time of an instant; Minga does not know the venue's time zone, so it says UTC. */
    String dateTime(Instant at) {
        var utc = at.atZone(ZoneOffset.UTC);
        return get("minutes.at", date(utc.toLocalDate()), utc.format(DateTimeFormatter.ofPattern("HH:mm")));
    }
}
