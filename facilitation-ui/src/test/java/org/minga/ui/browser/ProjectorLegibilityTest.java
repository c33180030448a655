package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The projector read from the back of the hall at 1920×1080, with the reference room: five axes
 * of five tables, two needs each with solution and plan, texts of 120 to 280 characters. What a
 * person would notice: a line cut through its letters, a word split, small type, an empty half
 * screen, a text that cannot be read anywhere, a table that pinned and went unseen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectorLegibilityTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("projector-legibility");
    /** Kept in the repository, so the README shows them: written when the test runs from the module. */
    private static final Path DOCS_SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final int OVERVIEW_LEAST_PX = PageChecks.OVERVIEW_LEAST_PX;
    private static final int FOCUS_PX = 34;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("minga.demo.seconds", () -> "12");
    }

    @LocalServerPort
    int port;

    private MingaClient api;
    private ChromeDriver projector;

    @BeforeAll
    void openProjector() {
        api = new MingaClient("http://localhost:" + port);
        projector = Browsers.open(1920, 1080, "es");
        Browsers.signIn(projector, url(""));
    }

    /** The address a hall's network gives the laptop, so the screenshots show what a room sees. */
    private static final String HALL_ADDRESS = "http://192.168.0.10:8080";
    private String hall;

    @AfterEach
    void leaveTheHall() {
        if (hall != null) {
            stopAnswering(hall);
            hall = null;
        }
    }

    /** The page's later loads get this answer from {@code /api/join-address}; returns what stops it. */
    private String answerJoinAddress(String baseUrl, boolean reachable) {
        return (String) projector.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const realFetch = window.fetch;
                window.fetch = (path, options) => String(path).includes('/api/join-address')
                  ? Promise.resolve(new Response(JSON.stringify({baseUrl: '%s', reachable: %s}),
                      {headers: {'Content-Type': 'application/json'}}))
                  : realFetch(path, options);""".formatted(baseUrl, reachable))).get("identifier");
    }

    private void stopAnswering(String identifier) {
        projector.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
    }

    @AfterAll
    void closeProjector() {
        if (projector != null) {
            projector.quit();
        }
    }

    @Test
    void theReferenceRoomReadsFromTheBackOfTheHallInOverviewFocusAndWhenATablePins() {
        RoomData room = referenceRoom("reference-room");
        hall = answerJoinAddress(HALL_ADDRESS, true);
        projector.get(url("/projector/reference-room"));
        new WebDriverWait(projector, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".stack")).size() == 50);

        assertReadable("overview", OVERVIEW_LEAST_PX);
        assertThat(PageChecks.scrolls(projector)).as("scrollbars").isFalse();
        assertThat(emptyHeightBelowTheTables()).as("px left empty under the lowest table of a column").isLessThanOrEqualTo(24);
        assertThat(hyphenatedWords()).as("long words break only between their syllables")
                .contains("acom-pa-ña-mien-to", "co-mer-cia-li-za-ción")
                .allMatch(word -> !word.contains("or-gan") && !word.contains("a-com") && !word.contains("intr-"));
        List<String> shortened = shownTexts(true);
        assertThat(shortened).as("the reference room does not fit whole at 20px: something waits for the focus").isNotEmpty();
        keep("projector-reference-room");
        assertThat(projector.findElement(By.id("status")).getText()).isEqualTo("en curso · paso 4 de 5");

        Set<String> wholeInFocus = new HashSet<>();
        for (int axis = 1; axis <= 5; axis++) {
            press(String.valueOf(axis));
            for (int page = 0; page < 5; page++) {
                waitForFocusOn(axis);
                assertReadable("axis " + axis + " page " + (page + 1), FOCUS_PX);
                wholeInFocus.addAll(shownTexts(false));
                if (axis == 1 && page == 0) {
                    keep("projector-axis-focus");
                }
                String before = projector.findElement(By.cssSelector(".page-of")).getText();
                press(String.valueOf(axis));
                new WebDriverWait(projector, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                        .until(d -> !d.findElements(By.cssSelector(".page-of")).isEmpty());
                if (projector.findElement(By.cssSelector(".page-of")).getText().equals(before)) {
                    break;
                }
            }
        }
        assertThat(wholeInFocus).as("every text shortened in the overview is whole in a focus").containsAll(shortened);
        assertThat(projector.findElement(By.id("cycle")).getText()).as("keys take over from the tour").startsWith("En pausa");

        press("0");
        new WebDriverWait(projector, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".puzzle.focus")).isEmpty());
        press("p");
        assertThat(projector.findElement(By.id("cycle")).getText()).startsWith("Recorrido automático");

        room.electAndPin("t5");
        new WebDriverWait(projector, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector(".spotlight [data-table='t5']")).isEmpty());
        assertThat(projector.findElement(By.cssSelector(".spotlight-banner")).getText()).isEqualTo("Mesa 5 fijó su rompecabezas");
        assertReadable("the table that just pinned", FOCUS_PX);
        assertThat(shownTexts(true)).as("the pinned table whole").isEmpty();
        keep("projector-pinned-table");
        new WebDriverWait(projector, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".spotlight")).isEmpty());
        if (projector.findElements(By.cssSelector(".puzzle.focus")).isEmpty()) {
            assertThat(projector.findElement(By.cssSelector("[data-table='t5']")).getAttribute("class")).contains("newest");
        }

        room.openStep("plenary");
        new WebDriverWait(projector, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("status")).getText().equals("plenaria"));
    }

    @Test
    void theDemoRoomFillsTheScreenWithWholeWords() {
        String assemblyId = api.post("/api/demo", "{\"language\": \"es\"}").expect(201).json().get("assemblyId").asText();
        hall = answerJoinAddress(HALL_ADDRESS, true);
        projector.get(url("/projector/" + assemblyId));
        RoomData demo = RoomData.existing(api, assemblyId);
        await().atMost(Duration.ofSeconds(40)).until(() -> demo.pinnedTables() == 5);
        press("0");
        new WebDriverWait(projector, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".piece.plan")).size() == 10);

        assertReadable("demo overview", OVERVIEW_LEAST_PX);
        assertThat(shownTexts(true)).as("the demo fits whole").isEmpty();
        assertThat(fontSize(".piece .text")).as("the demo's type grows into the free height").isGreaterThan(OVERVIEW_LEAST_PX);
        assertThat(emptyHeightBelowTheTables()).isLessThanOrEqualTo(24);
        keep("projector-demo");
    }

    @Test
    void aJoinAddressPhonesCannotReachIsSaidInTheQrCodesPlaceWithoutTakingTheBoardsHeight() {
        RoomData.withNeedsOpen(api, "loopback", 2, 1, 2);
        String wrapper = answerJoinAddress("http://127.0.0.1:8080", false);
        double warnedHeaderHeight;
        try {
            projector.get(url("/projector/loopback"));
            assertThat(RoomBrowserTest.waitFor(projector, By.id("join-warning")).getText())
                    .contains("Los teléfonos no pueden llegar").contains("MINGA_PUBLIC_URL");
            assertThat(projector.findElement(By.id("qr")).isDisplayed()).as("a QR code no phone can follow").isFalse();
            warnedHeaderHeight = headerHeight();
        } finally {
            stopAnswering(wrapper);
        }
        String reachable = answerJoinAddress(HALL_ADDRESS, true);
        try {
            projector.get(url("/projector/loopback"));
            RoomBrowserTest.waitFor(projector, By.cssSelector("[data-table='t1']"));
            new WebDriverWait(projector, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("join-link")).getText().isEmpty());
            assertThat(projector.findElement(By.id("join-warning")).isDisplayed()).as("an address phones can reach").isFalse();
            assertThat(warnedHeaderHeight).as("the warning's header, px").isLessThanOrEqualTo(headerHeight() + 10);
        } finally {
            stopAnswering(reachable);
        }
    }

    private double headerHeight() {
        return ((Number) projector.executeScript("return document.querySelector('header.bar').getBoundingClientRect().height;"))
                .doubleValue();
    }

    /** 5 axes × 5 tables × 2 needs with solutions and plans, texts of 120–280 characters; 3 tables of each axis pinned, t5 not. */
    private RoomData referenceRoom(String assemblyId) {
        RoomData room = RoomData.withNeedsOpen(api, assemblyId, 5, 5, 2);
        String base = "/api/assemblies/" + assemblyId;
        JsonNode tables = api.get(base + "/tables").json();
        int n = 0;
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            room.addNeed(t, t + "a", RoomData.LONG_NEEDS[n % RoomData.LONG_NEEDS.length]);
            room.addNeed(t, t + "b", RoomData.LONG_NEEDS[(n + 2) % RoomData.LONG_NEEDS.length]);
            n++;
        }
        room.openStep("solutions");
        n = 0;
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            for (int k = 0; k < 2; k++) {
                api.put(base + "/tables/" + t + "/needs/" + t + (k == 0 ? "a" : "b") + "/solution", """
                        {"text": "%s", "cooperatingOrganizations": ["Cooperativa Agroindustrial La Esperanza", "Asociación de Mujeres Campesinas"]}"""
                        .formatted(RoomData.LONG_SOLUTIONS[(n + 2 * k) % RoomData.LONG_SOLUTIONS.length])).expect(200);
            }
            n++;
        }
        room.openStep("work-plan");
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            for (String need : new String[] {t + "a", t + "b"}) {
                api.put(base + "/tables/" + t + "/needs/" + need + "/work-plan",
                        "{\"who\": [\"Junta de Acción Comunal\", \"Alcaldía municipal\"], \"when\": {\"from\": \"2025-01\", \"to\": \"2025-12\"}}")
                        .expect(200);
            }
        }
        room.openStep("spokespeople");
        int index = 0;
        for (JsonNode table : tables) {
            if (index++ % 5 < 3) {
                room.electAndPin(table.get("tableId").asText());
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> room.piecesWithPlans() == 50 && room.pinnedTables() == 15);
        return room;
    }

    private void press(String key) {
        new Actions(projector).sendKeys(key.equals("Escape") ? Keys.ESCAPE.toString() : key).perform();
    }

    private void waitForFocusOn(int axis) {
        new WebDriverWait(projector, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".page-of")).getText().startsWith("Eje " + axis + " de"));
    }

    private void assertReadable(String where, int leastPx) {
        assertThat(PageChecks.unreadableBoardTexts(projector, leastPx)).as(where).isEmpty();
    }

    /** The pieces' texts shown (piece id and kind), shortened ones or whole ones. */
    @SuppressWarnings("unchecked")
    private List<String> shownTexts(boolean shortened) {
        return (List<String>) projector.executeScript("""
                return [...document.querySelectorAll('#board .piece .text')]
                  .filter(e => (e.dataset.clamped === 'true' || e.scrollHeight > e.clientHeight + 1 || e.getClientRects().length === 0) === arguments[0])
                  .map(e => e.closest('[data-piece]').dataset.piece + ' ' + e.parentElement.className);""", shortened);
    }

    /** The words on the board that carry soft hyphens, with "-" where they may break. */
    @SuppressWarnings("unchecked")
    private List<String> hyphenatedWords() {
        return (List<String>) projector.executeScript("""
                const words = [...document.querySelectorAll('#board .piece .text')].flatMap(e => e.textContent.split(/\\s+/));
                return [...new Set(words.filter(w => w.includes('\\u00AD')).map(w => w.replaceAll('\\u00AD', '-').replace(/[.,;:]$/, '')))];""");
    }

    private double fontSize(String selector) {
        return ((Number) projector.executeScript("return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);", selector))
                .doubleValue();
    }

    /** The largest gap between a column's last table and the bottom of the board. */
    private double emptyHeightBelowTheTables() {
        return ((Number) projector.executeScript("""
                const board = document.getElementById('board').getBoundingClientRect();
                return Math.max(...[...document.querySelectorAll('#board .axis')].map(a => {
                  const last = [...a.querySelectorAll('.table')].pop(); return board.bottom - (last ? last.getBoundingClientRect().bottom : board.top); }));"""))
                .doubleValue();
    }

    /** A screenshot under target/screenshots, and copied to docs/screenshots when the repository is there. */
    private void keep(String name) {
        // The view fades in over 0.4 s: take the picture once it has.
        new WebDriverWait(projector, Duration.ofSeconds(5))
                .until(d -> (Boolean) projector.executeScript("return document.getAnimations().every(a => a.playState !== 'running');"));
        Path shot = Browsers.screenshot(projector, name);
        if (Files.isDirectory(DOCS_SCREENSHOTS)) {
            try {
                Files.copy(shot, DOCS_SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
