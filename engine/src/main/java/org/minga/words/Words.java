package org.minga.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minga's words in one language, from its one catalogue per language
 * {@code org/minga/words/words[_<code>].properties}: the base file is Spanish, and a key a language
 * lacks reads in Spanish, key by key (K'iche' reads Spanish wherever it is not translated yet). A
 * language Minga has no catalogue for reads Spanish. The languages are the catalogue files found on
 * the class path, so a new file is a new language.
 *
 * <p>Keys by area: the pages' words, {@code refusal.<code>} and {@code field.<name>} for refusals,
 * {@code history.<…>} for the history's sentences, {@code download.<…>} for the agenda downloads. The
 * pages fill {@code {name}} themselves; {@link #format} reads the Java areas as {@link MessageFormat}s.
 */
public final class Words {

    /** The base language: every catalogue falls back to it. */
    public static final String SPANISH = "es";
    /** The language tag the catalogue's numbers and dates are written in ("en-GB": "14 March 2026"). */
    static final String LOCALE_KEY = "language.locale";

    private static final String FOLDER = "org/minga/words/";
    private static final Pattern FILE_NAME = Pattern.compile("words(?:_([a-z]{2,3}))?\\.properties");

    private static final class Shipped {
        static final Map<String, Map<String, String>> CATALOGUES = catalogues(Words.class.getClassLoader());
    }

    private final String language;
    private final Map<String, String> own;
    private final Map<String, String> spanish;
    private final Locale locale;

    private Words(String language, Map<String, String> own, Map<String, String> spanish) {
        this.language = language;
        this.own = own;
        this.spanish = spanish;
        String tag = own.getOrDefault(LOCALE_KEY, spanish.get(LOCALE_KEY));
        this.locale = Locale.forLanguageTag(tag == null ? SPANISH : tag);
    }

    /** The words of a language code or tag ("quc", "en-US"); Spanish for a language Minga has no catalogue for. */
    public static Words in(String language) {
        return of(Shipped.CATALOGUES, language);
    }

    /** The words of a locale's language; Spanish for null or a language Minga has no catalogue for. */
    public static Words in(Locale locale) {
        return in(locale == null ? null : locale.getLanguage());
    }

    /** The words of a language among the given catalogues (as {@link #catalogues} reads them). */
    public static Words of(Map<String, Map<String, String>> catalogues, String language) {
        String code = language == null ? "" : Locale.forLanguageTag(language.strip()).getLanguage();
        Map<String, String> spanish = catalogues.getOrDefault(SPANISH, Map.of());
        return catalogues.containsKey(code)
                ? new Words(code, catalogues.get(code), spanish)
                : new Words(SPANISH, spanish, spanish);
    }

    /** The codes of the languages Minga ships a catalogue for, Spanish among them. */
    public static Set<String> languages() {
        return Shipped.CATALOGUES.keySet();
    }

    /** Every catalogue shipped, by language code, each with only its own words (no Spanish filled in). */
    public static Map<String, Map<String, String>> catalogues() {
        return Shipped.CATALOGUES;
    }

    /** The language these words are in: a shipped code, Spanish when the one asked has no catalogue. */
    public String language() {
        return language;
    }

    /** Where numbers and dates are written this language's way; Spanish for a language that does not say. */
    public Locale locale() {
        return locale;
    }

    /** Whether this language or Spanish has the key. */
    public boolean has(String key) {
        return own.containsKey(key) || spanish.containsKey(key);
    }

    /** The text of a key as written in the catalogue, in Spanish if this language lacks it. */
    public String text(String key) {
        String text = own.getOrDefault(key, spanish.get(key));
        if (text == null) {
            throw new MissingResourceException("No catalogue has the word " + key, Words.class.getName(), key);
        }
        return text;
    }

    /**
     * A key's {@link MessageFormat} filled with the arguments, numbers and dates written the way of
     * the catalogue the text came from (a K'iche' sentence still in Spanish writes 1.000, not 1,000).
     */
    public String format(String key, Object... arguments) {
        return new MessageFormat(text(key), locale(key)).format(arguments);
    }

    /** How a key's numbers and dates are written: the way of the catalogue its text comes from. */
    public Locale locale(String key) {
        return own.containsKey(key) ? locale : Locale.forLanguageTag(spanish.getOrDefault(LOCALE_KEY, SPANISH));
    }

    /**
     * Every catalogue the class loader finds in {@code org/minga/words}, by language code (the base
     * file is "es"), read from folders and from jars alike, so that dropping a file in adds a language.
     */
    public static Map<String, Map<String, String>> catalogues(ClassLoader classLoader) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        try {
            Enumeration<URL> folders = classLoader.getResources(FOLDER);
            for (URL folder : Collections.list(folders)) {
                URLConnection connection = folder.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    connection.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        for (JarEntry entry : Collections.list(file.entries())) {
                            String name = entry.getName();
                            if (name.startsWith(FOLDER) && name.indexOf('/', FOLDER.length()) < 0) {
                                add(byLanguage, name.substring(FOLDER.length()), file.getInputStream(entry));
                            }
                        }
                    }
                } else if ("file".equals(folder.getProtocol())) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(folder.toURI()))) {
                        for (Path path : files) {
                            add(byLanguage, path.getFileName().toString(), Files.newInputStream(path));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Minga's word catalogues could not be read", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Minga's word catalogues are in a folder it cannot name", e);
        }
        byLanguage.replaceAll((language, words) -> Collections.unmodifiableMap(words));
        return Collections.unmodifiableMap(byLanguage);
    }

    private static void add(Map<String, Map<String, String>> byLanguage, String fileName, InputStream in) throws IOException {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Matcher name = FILE_NAME.matcher(fileName);
            if (!name.matches()) {
                return;
            }
            Properties properties = new Properties();
            properties.load(reader);
            Map<String, String> words = byLanguage.computeIfAbsent(name.group(1) == null ? SPANISH : name.group(1), l -> new TreeMap<>());
            properties.forEach((key, value) -> words.putIfAbsent((String) key, (String) value));
        }
    }
}
