package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.pages.WordsController;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages' words as a page writes them: the shipped catalogues (org/minga/words) read by
 * js/lib/words.js's t() in Chromium, on a local page, so counts take their singular where Spanish
 * and English need it, and the language menu offers every catalogue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageWordsBrowserTest {

    private ChromeDriver browser;

    @BeforeAll
    void openThePage() throws Exception {
        Path folder = Files.createTempDirectory("minga-words");
        Map<String, Map<String, String>> catalogues = WordsController.catalogues(PageWordsBrowserTest.class.getClassLoader());
        Files.writeString(folder.resolve("words.js"), "window.MINGA_MESSAGES = " + new ObjectMapper().writeValueAsString(catalogues) + ";");
        Path page = folder.resolve("page.html");
        Files.writeString(page, "<!DOCTYPE html><meta charset=\"utf-8\"><script src=\"words.js\"></script>");
        browser = Browsers.open(800, 600, "es");
        browser.get(page.toUri().toString());
        // A module does not load from file:// in Chromium; the shipped file's own text does, as a data: URL.
        Path words = Path.of(PageWordsBrowserTest.class.getResource("/static/js/lib/words.js").toURI());
        String module = "data:text/javascript;charset=utf-8;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(words));
        Object loaded = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import(arguments[0]).then(words => { window.MingaWords = words; done('loaded'); }, problem => done(String(problem)));", module);
        assertThat(loaded).as("js/lib/words.js loaded as a module").isEqualTo("loaded");
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

    @Test
    void theMenuOffersEveryCatalogueByItsOwnNameAndKicheReadsInSpanishWhereItHasNoWord() {
        browser.executeScript("""
                localStorage.setItem('minga.lang', 'es');
                const need = document.createElement('p');
                need.id = 'need';
                need.dataset.i18n = 'step.needs';
                const name = document.createElement('p');
                name.id = 'name';
                name.dataset.i18n = 'language.name';
                document.body.replaceChildren(MingaWords.languageMenu(), need, name);
                MingaWords.translate();""");
        Select menu = new Select(browser.findElement(By.id("lang-menu")));

        assertThat(menu.getOptions().stream().collect(Collectors.toMap(o -> o.getDomProperty("value"), WebElement::getText)))
                .isEqualTo(Map.of("es", "Español", "en", "English", "quc", "K'iche'"));
        assertThat(menu.getFirstSelectedOption().getText()).isEqualTo("Español");

        menu.selectByVisibleText("English");
        assertThat(text("need")).isEqualTo("Needs");

        menu.selectByVisibleText("K'iche'");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("quc");
        assertThat(text("name")).as("a word K'iche' has").isEqualTo("K'iche'");
        assertThat(text("need")).as("a word K'iche' lacks, in Spanish").isEqualTo("Necesidades");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String words(String language, String key, Map<String, Object> vars) {
        return (String) browser.executeScript(
                "localStorage.setItem('minga.lang', arguments[0]); return MingaWords.t(arguments[1], arguments[2]);", language, key, vars);
    }
}
