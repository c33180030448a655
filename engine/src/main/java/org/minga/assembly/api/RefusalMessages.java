package org.minga.assembly.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Renders a refusal in the facilitator's language from {@code org/minga/assembly/api/refusals*.properties}.
 * Spanish is the default; English when asked. Argument {0} is always the field, the rest follow.
 * Patterns are {@link MessageFormat}s: a literal apostrophe is written twice.
 */
public final class RefusalMessages {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    static final String BUNDLE = "org.minga.assembly.api.refusals";
    static final String FIELD_NAMES = "org.minga.assembly.api.fields";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private RefusalMessages() {
    }

    public static String message(Refusal refusal, Locale locale, String field, Object... arguments) {
        ResourceBundle bundle = bundle(locale);
        Object[] all = new Object[arguments.length + 1];
        all[0] = field == null ? "" : fieldName(field, locale);
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        // The base bundle is Spanish: its numbers are written the Spanish way (9.223.372, not 9,223,372).
        Locale numbers = Locale.ROOT.equals(bundle.getLocale()) ? SPANISH : bundle.getLocale();
        MessageFormat format = new MessageFormat(bundle.getString(refusal.code()), numbers);
        return format.format(all);
    }

    /**
     * A field as a facilitator reads it in their language ("quién lo hace", not "who"); indices are
     * dropped ("axes[2].title" reads as "axes.title"), then the last name of a path is tried, then the
     * field as sent.
     */
    static String fieldName(String field, Locale locale) {
        Locale language = locale == null ? Locale.ROOT : Locale.forLanguageTag(locale.getLanguage());
        ResourceBundle names = ResourceBundle.getBundle(FIELD_NAMES, language, NO_FALLBACK);
        String path = field.replaceAll("\\[\\d+]", "");
        String last = path.substring(path.lastIndexOf('.') + 1);
        return names.containsKey(path) ? names.getString(path) : names.containsKey(last) ? names.getString(last) : field;
    }

    /**
     * The bundle for the language asked. The base bundle is Spanish, so a language we do not speak
     * yet (K'iche', Q'eqchi' until their files arrive) reads Spanish rather than the JVM's default.
     */
    public static ResourceBundle bundle(Locale locale) {
        Locale language = locale == null ? Locale.ROOT : Locale.forLanguageTag(locale.getLanguage());
        return ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK);
    }
}
