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

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private RefusalMessages() {
    }

    public static String message(Refusal refusal, Locale locale, String field, Object... arguments) {
        ResourceBundle bundle = bundle(locale);
        Object[] all = new Object[arguments.length + 1];
        all[0] = field == null ? "" : field;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        MessageFormat format = new MessageFormat(bundle.getString(refusal.code()), bundle.getLocale());
        return format.format(all);
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
