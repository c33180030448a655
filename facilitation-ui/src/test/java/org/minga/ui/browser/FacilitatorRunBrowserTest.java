package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.minga.ui.CsvDownloads.lines;
import static org.minga.ui.CsvDownloads.rows;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16's run, repeated: one whole assembly as a facilitator runs it, in one Chromium with three
 * windows: the facilitator's laptop at 1366×768, the projector at 1920×1080 and one table's phone
 * at 390×844. 40 people come from a CSV that Spanish Excel saved, 9 tables sit on 3 axes, needs go
 * to a counted vote, the assembly closes, and the audit page and the downloads are read. The pages
 * do what a person does there; REST stands in only for what eight other phones would type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilitatorRunBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(FacilitatorRunBrowserTest.class);

    private static final Path DATA_DIR = TestDataDirectories.fresh("facilitator-run");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String ASSEMBLY = "valle-2026";
    private static final String BASE = "/api/assemblies/" + ASSEMBLY;
    private static final int PEOPLE = 40;
    /** An internal id as a person would spot one: eight hex digits standing alone or opening a longer id. */
    private static final String HEX_ID = "(?<![0-9A-Za-z])[0-9a-f]{8}";

    private static final String FIRST_NEED = "Agua potable para la vereda El Retiro";
    private static final String SECOND_NEED = "Semillas nativas para la huerta comunitaria";
    private static final String WITHDRAWN_NEED = "Una cancha de fútbol para el barrio";

    /** The tables whose phones REST stands in for: all but Mesa 1, whose phone is the browser's. */
    private static final List<String> OTHER_TABLES = List.of("t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient api;
    private ChromeDriver browser;
    private String console;
    private String projector;
    private String phone;

    @BeforeAll
    void openTheRoom() {
        api = new MingaClient("http://localhost:" + port);
        browser = Browsers.open(1366, 768, "es");
        Browsers.signIn(browser, url(""));
        console = browser.getWindowHandle();
    }

    @AfterAll
    void closeTheRoom() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aFacilitatorRunsAWholeAssemblyFromAnExcelListToTheMinutes() throws IOException {
        long start = System.nanoTime();
        // What the pages say is checked softly: a wrong word fails the test at the end, after the
        // rest of the run has still been tried, rather than hiding the faults further on.
        SoftAssertions words = new SoftAssertions();

        // The facilitator's laptop: schedule the assembly with three of the reference axes.
        browser.get(url("/console"));
        RoomBrowserTest.waitFor(browser, By.id("create-form"));
        browser.findElement(By.id("assembly-id")).sendKeys(ASSEMBLY);
        WebElement title = browser.findElement(By.id("title"));
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Asamblea del Valle");
        browser.findElement(By.id("region")).sendKeys("Valle del Cauca");
        while (browser.findElements(By.cssSelector("#axes li.axis-row")).size() > 3) {
            click(browser.findElement(By.cssSelector("#axes li.axis-row:last-child button.remove-axis")));
        }
        click(browser.findElement(By.id("create-submit")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console/" + ASSEMBLY));
        List<String> axisTitles = api.get(BASE).expect(200).json().get("axes").findValuesAsText("title");
        assertThat(axisTitles).hasSize(3);
        RoomData room = RoomData.existing(api, ASSEMBLY);
        lap(start, "scheduled");

        // 40 people from Spanish Excel's CSV (Windows-1252, semicolons): read as such, accents intact.
        RoomBrowserTest.waitFor(browser, By.id("csv-file")).sendKeys(registrationList(axisTitles).toAbsolutePath().toString());
        assertThat(RoomBrowserTest.waitFor(browser, By.id("csv-read")).getText()).contains("Windows-1252").contains("separado por ;");
        assertThat(browser.findElement(By.id("csv-preview")).getText()).contains("Se inscribirán " + PEOPLE + " filas").doesNotContain("�");
        click(browser.findElement(By.id("csv-confirm")));
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("notice")).getText().contains(PEOPLE + " de " + PEOPLE));
        List<String> names = api.get(BASE + "/participants").json().findValuesAsText("name");
        assertThat(names).hasSize(PEOPLE).contains("José Muñoz", "Lucía Ñañez").noneMatch(name -> name.contains("�"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("participants")).getText().contains("José Muñoz"));
        lap(start, "40 people imported");

        // Split into tables: the console asks first and says what will happen; 9 tables on 3 axes.
        browser.findElement(By.id("table-size")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "5");
        click(browser.findElement(By.cssSelector("#split-form button[type=submit]")));
        assertThat(browser.switchTo().alert().getText()).contains(PEOPLE + " personas inscritas").contains("hasta 5 por mesa");
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#tables article.table-card")).size() == 9);
        JsonNode tables = api.get(BASE + "/tables").json();
        assertThat(tables).hasSize(9);
        assertThat(StreamSupport.stream(tables.spliterator(), false).map(t -> t.get("axisId").asText()).collect(Collectors.toSet())).hasSize(3);
        assertThat(browser.findElement(By.id("notice")).getText()).contains("9 mesas");

        // Needs open: the console's header and the projector say the assembly is running, step 1 of 5.
        openStep("needs");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("assembly-meta")).getText().contains("en curso"));
        words.assertThat(browser.findElement(By.cssSelector("header.console-bar")).getText()).as("console header")
                .doesNotContain("programada").contains("paso 1 de 5");
        projector = openWindow(1920, 1080, "/projector/" + ASSEMBLY);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("status")).getText().equals("en curso · paso 1 de 5"));
        lap(start, "split and needs open");

        // Mesa 1's phone writes two needs: after the first, the box is empty and counts again; the second is its own.
        phone = openWindow(390, 844, null);
        Browsers.joinTable(browser, url(""), room, "t1");
        RoomBrowserTest.waitFor(browser, By.id("need-text")).sendKeys(FIRST_NEED);
        click(browser.findElement(By.cssSelector("form.add-need button[type=submit]")));
        new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("need-text")).getDomProperty("value").isEmpty()
                        && d.findElement(By.cssSelector("[data-counter-for='need-text']")).getText().equals("0/280"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".card:not(.pending)")).stream().anyMatch(card -> card.getText().contains(FIRST_NEED)));
        RoomBrowserTest.waitFor(browser, By.id("need-text")).sendKeys(SECOND_NEED);
        click(browser.findElement(By.cssSelector("form.add-need button[type=submit]")));
        await().atMost(Duration.ofSeconds(10)).until(() -> room.piecesWithText(SECOND_NEED) == 1);
        assertThat(room.piecesWithText(FIRST_NEED)).isEqualTo(1);
        assertThat(tableOnBoard("t1").findValuesAsText("text")).containsExactlyInAnyOrder(FIRST_NEED, SECOND_NEED);

        // The other eight tables' phones, through REST: two long needs each; Mesa 2 withdraws one first.
        // Their piece ids are made as table.js makes them, so an id that leaks onto a page shows as one.
        String withdrawn = phoneId();
        room.addNeed("t2", withdrawn, WITHDRAWN_NEED);
        api.delete(BASE + "/tables/t2/needs/" + withdrawn).expect(200);
        atOnce(OTHER_TABLES, t -> {
            int n = Integer.parseInt(t.substring(1));
            room.addNeed(t, phoneId(), RoomData.LONG_NEEDS[n % RoomData.LONG_NEEDS.length]);
            room.addNeed(t, phoneId(), RoomData.LONG_NEEDS[(n + 2) % RoomData.LONG_NEEDS.length]);
        });
        lap(start, "needs written");

        // Solutions and plans: the console moves the steps on, every table's phone fills them in.
        List<String[]> needs = needsOnBoard();
        assertThat(needs).hasSize(18);
        showWindow(console);
        openStep("solutions");
        atOnce(needs, need -> api.put(BASE + "/tables/" + need[0] + "/needs/" + need[1] + "/solution", """
                {"text": "%s", "cooperatingOrganizations": ["Cooperativa La Esperanza", "Asociación de Mujeres Campesinas"]}"""
                .formatted(RoomData.LONG_SOLUTIONS[Math.abs(need[1].hashCode()) % RoomData.LONG_SOLUTIONS.length])).expect(200));
        openStep("work-plan");
        atOnce(needs, need -> room.planWork(need[0], need[1]));
        openStep("spokespeople");
        lap(start, "solutions and plans");

        // Mesa 1 elects on the phone: no Pin before the election, and pinning asks first.
        showWindow(phone);
        WebElement choice = RoomBrowserTest.waitFor(browser, By.id("spokesperson"));
        assertThat(choice.getDomProperty("value")).as("nobody chosen in advance").isEmpty();
        assertThat(browser.findElements(By.id("pin"))).as("Pin before anyone is elected").isEmpty();
        new Select(choice).selectByIndex(2);
        String chosen = choice.getDomProperty("value");
        click(browser.findElement(By.id("elect")));
        await().atMost(Duration.ofSeconds(10)).until(() -> chosen.equals(tableOnBoard("t1").path("spokespersonId").asText()));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> { d.findElement(By.id("pin")).click(); return true; });
        assertThat(browser.switchTo().alert().getText()).contains("Mesa 1");
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> tableOnBoard("t1").path("pinned").asBoolean());
        // Seven more tables pin from their phones; Mesa 9 does not make it in time.
        atOnce(OTHER_TABLES.subList(0, 7), room::electAndPin);
        await().atMost(Duration.ofSeconds(10)).until(() -> room.pinnedTables() == 8);
        lap(start, "spokespeople and pins");

        // The plenary: the projector says so and every piece on it reads whole, nothing cut through its letters.
        showWindow(console);
        openStep("plenary");
        showWindow(projector);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("status")).getText().equals("plenaria"));
        assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("programada");
        // Whatever it shows by itself (the newest pin, an axis, the overview), then the overview the facilitator asks for with 0.
        settled();
        assertThat(PageChecks.unreadableBoardTexts(browser, PageChecks.OVERVIEW_LEAST_PX)).as("projector in the plenary").isEmpty();
        new Actions(browser).sendKeys("0").perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".puzzle.focus")).isEmpty()
                        && d.findElements(By.cssSelector("#board article.table")).size() == 9);
        settled();
        assertThat(PageChecks.unreadableBoardTexts(browser, PageChecks.OVERVIEW_LEAST_PX)).as("projector's overview in the plenary").isEmpty();
        Browsers.screenshot(browser, "facilitator-run-projector-plenary");
        lap(start, "plenary on the projector");

        // A counted vote with more votes than people registered is refused, says why and records nothing.
        showWindow(console);
        click(RoomBrowserTest.waitFor(browser, By.id("method-vote")));
        int eventsBefore = api.get(BASE + "/history").json().size();
        vote(500, 0, 0);
        assertThat(browser.switchTo().alert().getText()).contains("8 mesas").contains("500 a favor");
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("alert")).getText().contains("500 votos"));
        assertThat(browser.findElement(By.id("alert")).getText()).contains(PEOPLE + " personas registradas").contains("no queda aprobada");
        assertThat(api.get(BASE + "/history").json().size()).as("events after the refused vote").isEqualTo(eventsBefore);
        assertThat(api.get(BASE + "/agenda").json().get("status").asText()).isNotEqualTo("approved");

        // The right count approves; Approve is then disabled, and the assembly closes.
        vote(30, 6, 4);
        assertThat(browser.switchTo().alert().getText()).contains("30 a favor").contains("1 mesa no fijó");
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> "approved".equals(api.get(BASE + "/agenda").json().get("status").asText()));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("approval-submit")).isEnabled());
        assertThat(browser.findElement(By.id("plenary-state")).getText()).contains("aprobada").doesNotContain("debe estar abierto");
        click(browser.findElement(By.id("close-assembly")));
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> "closed".equals(api.get(BASE).json().get("status").asText()));
        lap(start, "vote and closing");

        // Participation as charts on the console, and the audit page without internal ids.
        assertParticipationCharts("/console/" + ASSEMBLY);
        assertParticipationCharts("/audit/" + ASSEMBLY);
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("provenance")).getText().contains(FIRST_NEED)
                        && !d.findElements(By.cssSelector("#timeline .summary")).isEmpty());
        String audit = browser.findElement(By.tagName("main")).getText();
        Browsers.screenshot(browser, "facilitator-run-audit");
        // Its words beside the screenshot, for whoever reads a failure below.
        Files.writeString(Browsers.SCREENSHOTS.resolve("facilitator-run-audit.txt"), audit);
        List<String> participantIds = api.get(BASE + "/participants").json().findValuesAsText("participantId");
        words.assertThat(around(audit, HEX_ID)).as("internal ids on the audit page").isEmpty();
        words.assertThat(around(audit, "(?i)participant[e]? \\S*\\d")).as("\"participante {id}\" on the audit page").isEmpty();
        words.assertThat(participantIds.stream().filter(audit::contains).count()).as("participant ids on the audit page, of " + PEOPLE).isZero();
        List<String> withdrawals = browser.findElements(By.cssSelector("#timeline .summary")).stream()
                .map(WebElement::getText).filter(text -> text.contains("retiró")).toList();
        words.assertThat(withdrawals).as("the history's withdrawal, with the need's text").singleElement().asString().contains(WITHDRAWN_NEED);
        lap(start, "audit");

        // The downloads from the agenda page: a CSV for Spanish Excel and the minutes.
        browser.get(url("/agenda/" + ASSEMBLY));
        String csvLink = RoomBrowserTest.waitFor(browser, By.id("download-csv")).getAttribute("href");
        String mdLink = browser.findElement(By.id("download-md")).getAttribute("href");
        MingaClient.Download csv = api.download(csvLink.substring(url("").length())).expect(200);
        assertThat(Arrays.copyOf(csv.bytes(), 3)).as("UTF-8 byte-order mark").isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(lines(csv).get(0)).startsWith("\"eje\";\"mesa\";\"necesidad\"");
        List<List<String>> agenda = rows(csv, ';');
        assertThat(agenda).as("the 16 needs of the 8 pinned tables").hasSize(16);
        Set<String> ids = StreamSupport.stream(tables.spliterator(), false).map(t -> t.get("axisId").asText()).collect(Collectors.toSet());
        for (List<String> row : agenda) {
            assertThat(row.get(0)).isIn(axisTitles);
            assertThat(row.get(1)).matches("Mesa \\d+");
            assertThat(row.subList(0, row.size() - 1)).as("columns a person reads").noneMatch(ids::contains)
                    .noneMatch(cell -> cell.matches("t\\d+|" + HEX_ID + ".*"));
        }
        String minutes = api.download(mdLink.substring(url("").length())).expect(200).text();
        assertThat(minutes).startsWith("# Acta de la asamblea: Asamblea del Valle\n")
                .contains(PEOPLE + " personas registradas", "9 mesas de trabajo.", ": 30 votos a favor, 6 en contra, 4 abstenciones.",
                        "## Agenda aprobada", "### " + axisTitles.get(0), FIRST_NEED, "## Firmas")
                .doesNotContain(WITHDRAWN_NEED).doesNotContainPattern("## (association|credit|training)").doesNotContainPattern(HEX_ID);

        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        log.info("Measured: the whole facilitator's run took {} s in the browser", seconds);
        words.assertAll();
    }

    /** A piece id as a phone makes one (table.js newId): 12 random bytes in hex. */
    private static String phoneId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What several phones send at the same time: each item on its own thread, all finished before going on. */
    private static <T> void atOnce(List<T> items, Consumer<T> send) {
        ExecutorService phones = Executors.newFixedThreadPool(items.size());
        try {
            List<Future<?>> sent = items.stream().<Future<?>>map(item -> phones.submit(() -> send.accept(item))).toList();
            for (Future<?> each : sent) {
                each.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            phones.shutdownNow();
        }
    }

    /** The first places where {@code pattern} occurs in {@code text}, with a little of the text around them, and how many more. */
    private static List<String> around(String text, String pattern) {
        List<String> found = new ArrayList<>();
        Matcher match = Pattern.compile(pattern).matcher(text);
        int more = 0;
        while (match.find()) {
            if (found.size() < 12) {
                found.add(text.substring(Math.max(0, match.start() - 40), Math.min(text.length(), match.end() + 20)).replace('\n', ' '));
            } else {
                more++;
            }
        }
        if (more > 0) {
            found.add("… and " + more + " more");
        }
        return found;
    }

    /** 40 rows as Spanish Excel saves them: Windows-1252, semicolons, CRLF; the axis by its title. */
    private static Path registrationList(List<String> axisTitles) throws IOException {
        String[] first = {"José", "Lucía", "María", "Andrés", "Ñusta", "Ramón", "Inés", "Germán", "Sofía", "Joaquín"};
        String[] last = {"Muñoz", "Ñañez", "Pérez", "Gómez", "Peña", "Ibáñez", "Álvarez", "Rincón", "Martínez", "Quiñones"};
        StringBuilder csv = new StringBuilder("Nombre;Organización;Género;Edad;Zona;Eje\r\n");
        for (int i = 0; i < PEOPLE; i++) {
            csv.append(first[i % 10]).append(' ').append(last[(i + i / 10) % 10]).append(';')
                    .append(List.of("Cooperativa La Peña", "Asociación de Mujeres Campesinas", "Junta de Acción Comunal", "Red Campesina").get(i % 4)).append(';')
                    .append(i % 2 == 0 ? "Hombre" : "Mujer").append(';')
                    .append(List.of("18-29", "30-44", "45-59", "60+").get(i % 4)).append(';')
                    .append(i % 3 == 0 ? "Urbana" : "Rural").append(';')
                    .append(axisTitles.get(i % 3)).append("\r\n");
        }
        Path file = DATA_DIR.resolve("inscripciones.csv");
        Files.write(file, csv.toString().getBytes(WINDOWS_1252));
        return file;
    }

    private void assertParticipationCharts(String page) {
        browser.get(url(page));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.className("participation-total")).getText().contains(PEOPLE + " personas inscritas"));
        assertThat(browser.findElement(By.cssSelector("[data-dimension='gender'] li[data-value='female']")).getText())
                .as(page).startsWith("Mujer").contains("50 % (20)");
        assertThat(browser.findElement(By.cssSelector("[data-dimension='area'] li[data-value='rural']")).getText()).as(page).contains("Rural");
    }

    /** Opens a step from the console's steps panel, the way the facilitator does. */
    private void openStep(String step) {
        click(RoomBrowserTest.waitFor(browser, By.id("open-" + step)));
        RoomData.existing(api, ASSEMBLY).awaitStep(step, true);
    }

    private void vote(int inFavor, int against, int abstentions) {
        for (String[] field : new String[][] {{"in-favor", String.valueOf(inFavor)}, {"against", String.valueOf(against)},
                {"abstentions", String.valueOf(abstentions)}}) {
            browser.findElement(By.id(field[0])).sendKeys(Keys.chord(Keys.CONTROL, "a"), field[1]);
        }
        click(browser.findElement(By.id("approval-submit")));
    }

    /** Every need on the live board, as {table, piece}. */
    private List<String[]> needsOnBoard() {
        List<String[]> needs = new ArrayList<>();
        for (JsonNode axis : api.get(BASE + "/board").json().get("axes")) {
            for (JsonNode table : axis.get("tables")) {
                for (JsonNode piece : table.get("pieces")) {
                    needs.add(new String[] {table.get("tableId").asText(), piece.get("pieceId").asText()});
                }
            }
        }
        return needs;
    }

    private JsonNode tableOnBoard(String tableId) {
        for (JsonNode axis : api.get(BASE + "/board").json().get("axes")) {
            for (JsonNode table : axis.get("tables")) {
                if (table.get("tableId").asText().equals(tableId)) {
                    return table;
                }
            }
        }
        throw new AssertionError("no " + tableId + " on the board");
    }

    /** Another window of the same browser, its page the size asked for, showing {@code path} if one is given. */
    private String openWindow(int width, int height, String path) {
        browser.switchTo().newWindow(WindowType.WINDOW);
        Browsers.resize(browser, width, height);
        if (path != null) {
            browser.get(url(path));
        }
        return browser.getWindowHandle();
    }

    private void showWindow(String handle) {
        browser.switchTo().window(handle);
    }

    /** Clicks as a person does, the control scrolled to the middle first so the sticky header does not hide it. */
    private void click(WebElement control) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", control);
        control.click();
    }

    /** Waits for the projector's fade-in to end, so what is measured is what the room sees. */
    private void settled() {
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> (Boolean) browser.executeScript("return document.getAnimations().every(a => a.playState !== 'running');"));
    }

    private static void lap(long start, String what) {
        log.info("Run: {} after {} ms", what, (System.nanoTime() - start) / 1_000_000);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
