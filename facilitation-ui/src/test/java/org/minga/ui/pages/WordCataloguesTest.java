package org.minga.ui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minga.words.Words;

/**
 * Minga's words come from one catalogue per language (org/minga/words), for the pages, refusals,
 * the history and the downloads alike: Spanish is the base, every shipped language says everything
 * Spanish says, a language being translated reads Spanish key by key, and a new language is a new file.
 */
class WordCataloguesTest {

    /** "{name}", "{count#one|other}" on the pages; "{0}", "{1,choice,…}", "{2,number,integer}" in Java's words. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)[}#,]");

    /** The areas the server fills in as {@link MessageFormat}s. */
    private static final List<String> MESSAGE_FORMATS = List.of("refusal.", "history.", "download.");

    private final Map<String, Map<String, String>> shipped = Words.catalogues(WordCataloguesTest.class.getClassLoader());

    @Test
    void spanishAndEnglishShip() {
        assertThat(shipped).containsKeys("es", "en");
        assertThat(shipped.get("es")).containsEntry("language.name", "Español").hasSizeGreaterThan(400);
        assertThat(shipped.get("en")).containsEntry("language.name", "English");
    }

    @Test
    void oneCatalogueHoldsThePagesRefusalsHistoryAndDownloads() {
        assertThat(shipped.get("es")).containsKeys("lang.menu.label", "refusal.field.required", "field.who",
                "history.AssemblyClosedEvent", "download.minutes.title", "problem.rule");
        assertThat(Words.in("en").format("refusal.field.required", "who")).isEqualTo("The field \"who\" is missing.");
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
        for (String language : shipped.keySet()) {
            shipped.get(language).forEach((key, translated) -> assertThat(placeholders(translated))
                    .as("%s in %s: \"%s\"", key, language, translated)
                    .isEqualTo(placeholders(shipped.get("es").get(key))));
        }
    }

    /**
     * The server's words are MessageFormats, where a lone apostrophe would swallow the rest of the
     * sentence and its {0}: K'iche' writes many ("K'iche'"), so each must be written twice there.
     */
    @Test
    void theServersWordsWriteEveryApostropheTwice() {
        for (String language : shipped.keySet()) {
            shipped.get(language).forEach((key, text) -> {
                if (MESSAGE_FORMATS.stream().anyMatch(key::startsWith)) {
                    assertThat(text.replace("''", "")).as("%s in %s: \"%s\"", key, language, text).doesNotContain("'");
                    assertThat(new MessageFormat(text).getFormatsByArgumentIndex()).as("%s in %s", key, language)
                            .hasSameSizeAs(new MessageFormat(shipped.get("es").get(key)).getFormatsByArgumentIndex());
                }
            });
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
    void kicheReadsSpanishKeyByKeyWhereItIsNotTranslated() {
        Words kiche = Words.in("quc");

        assertThat(kiche.language()).isEqualTo("quc");
        assertThat(kiche.text("language.name")).isEqualTo("K'iche'");
        assertThat(kiche.text("problem.rule")).isEqualTo("No lo permite el método");
        assertThat(kiche.format("download.minutes.tables", 1000)).isEqualTo("1.000 mesas de trabajo.");
    }

    @Test
    void aLanguageWithoutACatalogueReadsSpanish() {
        assertThat(Words.in("fr").language()).isEqualTo("es");
        assertThat(Words.in((String) null).text("problem.rule")).isEqualTo("No lo permite el método");
        assertThat(Words.in("en-US").text("problem.rule")).isEqualTo("Not allowed by the method");
    }

    @Test
    void aLanguageIsAddedByDroppingItsCatalogueFile(@TempDir Path folder) throws IOException {
        Path words = Files.createDirectories(folder.resolve("org/minga/words"));
        Files.writeString(words.resolve("words_qeq.properties"), "language.name=Q'eqchi'\n");

        try (URLClassLoader withTheFile = new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader())) {
            Map<String, Map<String, String>> found = Words.catalogues(withTheFile);

            assertThat(found).containsKeys("es", "en", "quc", "qeq");
            assertThat(found.get("qeq")).containsExactly(Map.entry("language.name", "Q'eqchi'"));
            assertThat(WordsController.catalogues(withTheFile)).containsKey("qeq");
            assertThat(Words.of(found, "qeq").text("problem.rule")).isEqualTo("No lo permite el método");
        }
    }

    /** Phones load the pages' words on every page: the words only the server writes stay out of them. */
    @Test
    void thePagesGetTheirWordsOnly() {
        Map<String, String> pages = WordsController.catalogues(WordCataloguesTest.class.getClassLoader()).get("es");

        assertThat(pages).containsKey("lang.menu.label")
                .doesNotContainKeys("refusal.field.required", "field.who", "history.AssemblyClosedEvent", "download.csv.axis", "problem.rule", "demo.title");
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
