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
    private static final int OVERVIEW_LEAST_PX = 20;
    private static final int FOCUS_PX = 34;

    private static final String[] NEEDS = {
        "Las organizaciones comunitarias del territorio trabajan aisladas y sin espacios permanentes para compartir compras, saberes y maquinaria entre veredas",
        "Los caminos veredales están intransitables durante el invierno y las familias productoras pierden sus cosechas porque no pueden sacarlas a tiempo a los mercados del municipio ni a las plazas campesinas",
        "Crédito sin garantías para mujeres rurales organizadas, con tasas de interés justas, plazos acordes a las cosechas y acompañamiento técnico permanente para que las iniciativas productivas no fracasen en el primer año de funcionamiento ni se endeuden más",
        "Faltan registros sanitarios y capacitaciones en transformación de alimentos para que las asociaciones puedan vender sus productos en tiendas y supermercados",
        "Los jóvenes de las veredas no encuentran formación en liderazgo, contabilidad ni comercialización y se van a las ciudades; las organizaciones envejecen sin relevo generacional y pierden la memoria de sus procesos colectivos"};
    private static final String[] SOLUTIONS = {
        "Crear una red de organizaciones solidarias con reunión mensual rotativa entre veredas, una central de compras compartida y un inventario común de maquinaria",
        "Mingas comunitarias de mantenimiento de caminos con apoyo de la alcaldía en materiales, volquetas y maquinaria, organizadas por las juntas de acción comunal antes de cada temporada de lluvias",
        "Fondo rotatorio entre cooperativas de mujeres, administrado por un comité elegido en asamblea, con reglamento propio, educación financiera y seguimiento trimestral de cada préstamo otorgado a las asociadas",
        "Escuela itinerante de transformación de alimentos y acompañamiento para los trámites sanitarios, con laboratorio compartido entre asociaciones",
        "Semillero de liderazgo juvenil con pasantías en las cooperativas, becas de transporte y un programa de radio comunitaria hecho por los mismos jóvenes de las veredas"};

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
        projector.get(url("/login"));
        RoomBrowserTest.waitFor(projector, By.id("username")).sendKeys(MingaClient.FACILITATOR);
        projector.findElement(By.id("password")).sendKeys(MingaClient.FACILITATOR_PASSWORD);
        projector.findElement(By.id("login-submit")).click();
        new WebDriverWait(projector, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console"));
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
            room.addNeed(t, t + "a", NEEDS[n % NEEDS.length]);
            room.addNeed(t, t + "b", NEEDS[(n + 2) % NEEDS.length]);
            n++;
        }
        room.openStep("solutions");
        n = 0;
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            for (int k = 0; k < 2; k++) {
                api.put(base + "/tables/" + t + "/needs/" + t + (k == 0 ? "a" : "b") + "/solution", """
                        {"text": "%s", "cooperatingOrganizations": ["Cooperativa Agroindustrial La Esperanza", "Asociación de Mujeres Campesinas"]}"""
                        .formatted(SOLUTIONS[(n + 2 * k) % SOLUTIONS.length])).expect(200);
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

    /**
     * Every text on the board, as a person sees it: whole lines only (its visible height a whole
     * number of lines, nothing clipped by the table around it), no word split across two lines,
     * piece texts at least {@code leastPx}.
     */
    @SuppressWarnings("unchecked")
    private void assertReadable(String where, int leastPx) {
        List<String> problems = (List<String>) projector.executeScript("""
                const least = arguments[0];
                const problems = [];
                const clipped = (e, r) => { for (let a = e.parentElement; a && a.id !== 'board'; a = a.parentElement) {
                    if (getComputedStyle(a).overflow === 'visible') continue;
                    const b = a.getBoundingClientRect(); if (r.bottom > b.bottom + 0.5 || r.right > b.right + 0.5) return a.className; } return null; };
                // A word may continue on the next line only right after one of its soft hyphens (a syllable break, shown as "-").
                const atSoftHyphen = (node, start, word) => {
                  const top = j => { const r = document.createRange(); r.setStart(node, start + j); r.setEnd(node, start + j + 1);
                    const q = [...r.getClientRects()].filter(q => q.width > 0); return q.length ? Math.round(q[q.length - 1].top) : null; };
                  const first = top(0);
                  for (let j = 1; j < word.length; j++) { const here = top(j); if (here !== null && here !== first) return word[j - 1] === '\u00AD'; }
                  return false; };
                const name = e => (e.closest('[data-table]') || {}).dataset?.table + ' ' + e.textContent.slice(0, 30);
                for (const e of document.querySelectorAll('#board .piece .text, #board .orgs, #board .when, #board .axis-title, #board .table header span')) {
                  if (e.getClientRects().length === 0) continue;
                  const style = getComputedStyle(e); const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
                  const r = e.getBoundingClientRect();
                  if (e.matches('.piece .text')) {
                    const lines = e.clientHeight / line;
                    if (Math.abs(lines - Math.round(lines)) > 0.05) problems.push('cut mid-line (' + lines.toFixed(2) + ' lines): ' + name(e));
                    if (parseFloat(style.fontSize) < least) problems.push('type ' + style.fontSize + ': ' + name(e));
                  }
                  const by = clipped(e, r); if (by) problems.push('clipped by ' + by + ': ' + name(e));
                  if (e.scrollWidth > e.clientWidth + 1 && style.textOverflow !== 'ellipsis') problems.push('wider than its box: ' + name(e));
                  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                  while (walker.nextNode()) {
                    const node = walker.currentNode; const re = /\\S+/g; let m;
                    while ((m = re.exec(node.textContent))) {
                      const range = document.createRange(); range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                      const tops = new Set([...range.getClientRects()].filter(q => q.width > 0).map(q => Math.round(q.top)));
                      if (tops.size > 1 && !atSoftHyphen(node, m.index, m[0])) problems.push('word split across lines: "' + m[0] + '" in ' + name(e));
                    }
                  }
                }
                return problems;""", leastPx);
        assertThat(problems).as(where).isEmpty();
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
