package org.minga.ui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' words come from one catalogue per language (org/minga/words): Spanish is the base,
 * every shipped language says everything Spanish says, and a new language is a new file.
 */
class WordCataloguesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)[}#]");

    private final Map<String, Map<String, String>> shipped = WordsController.catalogues(WordCataloguesTest.class.getClassLoader());

    @Test
    void spanishAndEnglishShip() {
        assertThat(shipped).containsKeys("es", "en");
        assertThat(shipped.get("es")).containsEntry("language.name", "Español").hasSizeGreaterThan(400);
        assertThat(shipped.get("en")).containsEntry("language.name", "English");
    }

    @Test
    void everyShippedLanguageHasEveryKeyOfSpanishAndNoOther() {
        Set<String> spanish = shipped.get("es").keySet();
        for (String language : completeLanguages()) {
            assertThat(shipped.get(language).keySet()).as("keys of %s", language).containsExactlyInAnyOrderElementsOf(spanish);
        }
    }

    @Test
    void everyTranslationFillsInWhatSpanishFillsIn() {
        for (String language : completeLanguages()) {
            shipped.get("es").forEach((key, spanish) -> assertThat(placeholders(shipped.get(language).get(key)))
                    .as("%s in %s: \"%s\"", key, language, shipped.get(language).get(key))
                    .isEqualTo(placeholders(spanish)));
        }
    }

    /** K'iche' ships as the start of a community translation: its name only, every other word in Spanish. */
    @Test
    void aCatalogueBeingTranslatedHoldsOnlyKeysSpanishHas() {
        assertThat(shipped).containsKey("quc");
        assertThat(shipped.get("quc")).containsEntry("language.name", "K'iche'");
        for (String language : shipped.keySet()) {
            assertThat(shipped.get("es").keySet()).as("keys of %s that Spanish lacks", language).containsAll(shipped.get(language).keySet());
        }
    }

    @Test
    void aLanguageIsAddedByDroppingItsCatalogueFile(@TempDir Path folder) throws IOException {
        Path words = Files.createDirectories(folder.resolve("org/minga/words"));
        Files.writeString(words.resolve("words_qeq.properties"), "language.name=Q'eqchi'\n");

        try (URLClassLoader withTheFile = new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader())) {
            Map<String, Map<String, String>> found = WordsController.catalogues(withTheFile);

            assertThat(found).containsKeys("es", "en", "quc", "qeq");
            assertThat(found.get("qeq")).containsExactly(Map.entry("language.name", "Q'eqchi'"));
        }
    }

    /** Languages shipped complete; any other catalogue shipped falls back to Spanish key by key. */
    private Set<String> completeLanguages() {
        return Set.of("en");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
