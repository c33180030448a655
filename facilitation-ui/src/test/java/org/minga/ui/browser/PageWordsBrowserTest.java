package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.pages.WordsController;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages' words as a page writes them: the shipped catalogues (org/minga/words) read by
 * minga.js's t() in Chromium, on a local page, so counts take their singular where Spanish and
 * English need it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageWordsBrowserTest {

    private ChromeDriver browser;

    @BeforeAll
    void openThePage() throws Exception {
        Path folder = Files.createTempDirectory("minga-words");
        Map<String, Map<String, String>> catalogues = WordsController.catalogues(PageWordsBrowserTest.class.getClassLoader());
        Files.writeString(folder.resolve("words.js"), "window.MINGA_MESSAGES = " + new ObjectMapper().writeValueAsString(catalogues) + ";");
        Path minga = Path.of(PageWordsBrowserTest.class.getResource("/static/js/minga.js").toURI());
        Path page = folder.resolve("page.html");
        Files.writeString(page, "<!DOCTYPE html><meta charset=\"utf-8\"><script src=\"words.js\"></script><script src=\""
                + minga.toUri() + "\"></script>");
        browser = Browsers.open(800, 600, "es");
        browser.get(page.toUri().toString());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void oneAbstentionIsSingularInSpanishAndEnglish() {
        Map<String, Object> vote = Map.of("at", "14/03", "inFavor", 30, "against", 2, "abstentions", 1);

        assertThat(words("es", "console.plenary.approvedVote", vote))
                .isEqualTo("Agenda aprobada por votación: 30 a favor, 2 en contra, 1 abstención.");
        assertThat(words("en", "console.plenary.approvedVote", vote))
                .isEqualTo("Agenda approved by vote: 30 in favour, 2 against, 1 abstention.");
        assertThat(words("es", "agenda.approvedVote", Map.of("at", "14/03", "inFavor", 30, "against", 2, "abstentions", 0)))
                .endsWith("30 a favor, 2 en contra, 0 abstenciones.");
    }

    @Test
    void theApprovalQuestionCountsOnePinnedTableInTheSingular() {
        assertThat(words("es", "console.plenary.confirmVote", Map.of("pinned", 1, "tables", 2, "inFavor", 3, "against", 0, "abstentions", 2)))
                .startsWith("¿Aprobar la agenda de 1 mesa que fijó su rompecabezas (de 2) con 3 a favor, 0 en contra y 2 abstenciones?");
        assertThat(words("en", "console.plenary.confirmVote", Map.of("pinned", 2, "tables", 2, "inFavor", 3, "against", 0, "abstentions", 1)))
                .startsWith("Approve the agenda of 2 tables that pinned their puzzle (of 2) with 3 in favour, 0 against and 1 abstention?");
    }

    @Test
    void aKeyTheLanguageLacksReadsInSpanish() {
        assertThat(words("quc", "step.needs", Map.of())).isEqualTo("Necesidades");
        assertThat(words("quc", "language.name", Map.of())).isEqualTo("K'iche'");
    }

    private String words(String language, String key, Map<String, Object> vars) {
        return (String) browser.executeScript(
                "localStorage.setItem('minga.lang', arguments[0]); return Minga.t(arguments[1], arguments[2]);", language, key, vars);
    }
}
