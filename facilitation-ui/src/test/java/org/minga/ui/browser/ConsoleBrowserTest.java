package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The facilitator's console in real Chromium on a 1366×768 laptop (and a 390×844 phone): a long
 * assembly title keeps the sticky header to one compact row, and the tables panel shows how far
 * each table has got, live from the board.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(ConsoleBrowserTest.class);
    private static final Path DATA_DIR = TestDataDirectories.fresh("console");

    /** 120 characters, as assemblies get named in the field. */
    private static final String LONG_TITLE =
            "Asamblea territorial de economía solidaria del Valle del Cauca: necesidades, soluciones y planes de trabajo 2024–2026 ok";

    /** The sticky header's bound at 1366×768: under a tenth of the height, so the page below stays in view. */
    private static final int HEADER_BOUND_PX = 72;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient api;
    private ChromeDriver laptop;

    @BeforeAll
    void signIn() {
        api = new MingaClient("http://localhost:" + port);
        laptop = Browsers.open(1366, 768, "es");
        signIn(laptop);
    }

    @AfterAll
    void closeBrowser() {
        if (laptop != null) {
            laptop.quit();
        }
    }

    @Test
    void aLongTitleKeepsTheHeaderToOneCompactRowAtLaptopSize() {
        assertThat(LONG_TITLE).hasSize(120);
        RoomData.withNeedsOpen(api, "titulo-largo", LONG_TITLE, 2, 1, 2);
        laptop.get(url("/console/titulo-largo"));
        new WebDriverWait(laptop, Duration.ofSeconds(10)).until(d -> LONG_TITLE.equals(d.findElement(By.id("page-title")).getText())
                && !d.findElement(By.id("time-change")).getDomProperty("hidden").equals("true"));

        Map<String, Object> header = headerGeometry(laptop);
        log.info("Measured: console header at 1366×768 with a 120-character title: {}", header);
        Browsers.screenshot(laptop, "console-header-1366");

        assertThat(number(header, "height")).as("sticky header height (px)").isLessThanOrEqualTo(HEADER_BOUND_PX);
        assertThat(sameRow(header, "signOut")).as("Sign out on the title's row: %s", header).isTrue();
        assertThat(sameRow(header, "lang")).as("the language menu on the title's row: %s", header).isTrue();
        assertThat(header.get("ellipsis")).as("the title ends in an ellipsis").isEqualTo(true);
        assertThat(laptop.findElement(By.id("page-title")).getDomAttribute("title")).isEqualTo(LONG_TITLE);
    }

    @Test
    void onAPhoneTheHeaderMayWrapButKeepsSignOutAndTheLanguageInReach() {
        RoomData.withNeedsOpen(api, "titulo-telefono", LONG_TITLE, 1, 1, 2);
        ChromeDriver phone = Browsers.open(390, 844, "es");
        try {
            signIn(phone);
            phone.get(url("/console/titulo-telefono"));
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> LONG_TITLE.equals(d.findElement(By.id("page-title")).getText()));

            Map<String, Object> header = headerGeometry(phone);
            log.info("Measured: console header at 390×844 with a 120-character title: {}", header);
            Browsers.screenshot(phone, "console-header-390");

            assertThat(number(header, "height")).as("sticky header height (px)").isLessThanOrEqualTo(844 / 4);
            assertThat(number(header, "signOutRight")).as("Sign out inside the screen").isLessThanOrEqualTo(390);
            assertThat(number(header, "langRight")).as("the language menu inside the screen").isLessThanOrEqualTo(390);
            assertThat(number(header, "pageWidth")).as("no sideways scrolling").isLessThanOrEqualTo(390);
        } finally {
            phone.quit();
        }
    }

    @Test
    void eachTablesProgressFollowsTheBoardLiveWithoutReload() {
        RoomData room = RoomData.withNeedsOpen(api, "avance", 1, 2, 2);
        laptop.get(url("/console/avance"));
        awaitProgress("t1", "0/2 necesidades · 0 soluciones · 0 planes · sin vocería · sin fijar", 10);
        laptop.executeScript("window.mingaNotReloaded = true;");

        room.addNeed("t1", "n1", "Crédito rural");
        room.openStep("solutions");
        room.attachSolution("t1", "n1");

        // The board stream brings the pieces; the console reads nothing else for them.
        awaitProgress("t1", "1/2 necesidades · 1 solución · 0 planes · sin vocería · sin fijar", 3);
        assertThat(laptop.executeScript("return window.mingaNotReloaded === true;")).isEqualTo(true);
        assertThat(progressOf("t2")).isEqualTo("0/2 necesidades · 0 soluciones · 0 planes · sin vocería · sin fijar");
        assertThat(laptop.findElements(By.cssSelector("[data-progress='t2'] [data-progress-item='needs'].behind")))
                .as("in the solutions step a table without needs stands out").hasSize(1);
        assertThat(laptop.findElements(By.cssSelector("[data-progress='t1'] .behind"))).isEmpty();
        laptop.executeScript("document.getElementById('tables-section').scrollIntoView();");
        Browsers.screenshot(laptop, "console-table-progress");

        chooseLanguage("en");
        try {
            awaitProgress("t1", "1/2 needs · 1 solution · 0 plans · no spokesperson · not pinned", 5);
        } finally {
            chooseLanguage("es");
        }
    }

    /**
     * What the board stream does not carry (who is registered, the counts) is read again when
     * something says it changed: the board moving on, or the console's tab shown again, within a
     * few seconds (well before the quiet room's 10 s read); in a quiet room, by that read alone.
     */
    @Test
    void anotherLaptopsRegistrationShowsOnceTheBoardMovesOrTheTabIsShownAgainOrInAQuietRoom() {
        RoomData room = RoomData.withNeedsOpen(api, "otro-portatil", 1, 1, 2);
        laptop.get(url("/console/otro-portatil"));
        awaitCount("participants", "2");
        awaitProgress("t1", "0/2 necesidades · 0 soluciones · 0 planes · sin vocería · sin fijar", 10);

        register("p3", "Rosa Quispe");
        room.addNeed("t1", "n1", "Crédito rural");

        awaitCount("participants", "3", 4);
        awaitCount("needs", "1", 4);
        new WebDriverWait(laptop, Duration.ofSeconds(4)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("participants")).getText().contains("Rosa Quispe"));

        register("p4", "Tomás Chávez");
        laptop.executeScript("document.dispatchEvent(new Event('visibilitychange'));");

        awaitCount("participants", "4", 4);

        register("p5", "Lucía Mamani");

        awaitCount("participants", "5", 20);
    }

    private void register(String participantId, String name) {
        api.post("/api/assemblies/otro-portatil/participants", """
                {"participantId": "%s", "name": "%s", "organization": "Red Campesina"}""".formatted(participantId, name)).expect(201);
    }

    private void awaitCount(String count, String value) {
        awaitCount(count, value, 10);
    }

    private void awaitCount(String count, String value, int seconds) {
        By figure = By.cssSelector("[data-count='" + count + "'] dd");
        new WebDriverWait(laptop, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> count + " reads «" + laptop.findElements(figure).stream().findFirst().map(e -> e.getText()).orElse("(none)")
                        + "», not «" + value + "»")
                .until(d -> value.equals(d.findElement(figure).getText()));
    }

    /** Chooses a language in the header's language menu, as a person does. */
    private void chooseLanguage(String language) {
        new Select(laptop.findElement(By.id("lang-menu"))).selectByValue(language);
    }

    private void awaitProgress(String tableId, String text, int seconds) {
        new WebDriverWait(laptop, Duration.ofSeconds(seconds), Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> tableId + "'s progress reads «" + progressOf(tableId) + "», not «" + text + "»")
                .until(d -> text.equals(progressOf(tableId)));
    }

    private String progressOf(String tableId) {
        return laptop.findElements(By.cssSelector("[data-progress='" + tableId + "']")).stream().findFirst()
                .map(e -> e.getText().replaceAll("\\s+", " ").trim()).orElse("(no progress shown)");
    }

    /** Where the header's parts sit, as the browser lays them out. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> headerGeometry(ChromeDriver page) {
        return (Map<String, Object>) page.executeScript("""
                const box = e => e.getBoundingClientRect();
                const bar = box(document.querySelector('.console-bar'));
                const title = document.getElementById('page-title');
                const t = box(title), s = box(document.querySelector('#sign-out button')), l = box(document.getElementById('lang-menu'));
                const style = getComputedStyle(title);
                return { height: bar.height, titleTop: t.top, titleBottom: t.bottom,
                  signOutTop: s.top, signOutBottom: s.bottom, signOutRight: s.right,
                  langTop: l.top, langBottom: l.bottom, langRight: l.right,
                  ellipsis: style.textOverflow === 'ellipsis' && title.scrollWidth > title.clientWidth,
                  pageWidth: document.documentElement.scrollWidth };""");
    }

    /** Whether a control sits on the title's row: its box overlaps the title's line, it does not start below it. */
    private static boolean sameRow(Map<String, Object> header, String control) {
        return number(header, control + "Top") < number(header, "titleBottom") && number(header, control + "Bottom") > number(header, "titleTop");
    }

    private static double number(Map<String, Object> values, String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    private void signIn(ChromeDriver browser) {
        browser.get(url("/login"));
        RoomBrowserTest.waitFor(browser, By.id("username")).sendKeys(MingaClient.FACILITATOR);
        browser.findElement(By.id("password")).sendKeys(MingaClient.FACILITATOR_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
