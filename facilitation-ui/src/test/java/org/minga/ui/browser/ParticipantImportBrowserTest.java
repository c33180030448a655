package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import com.fasterxml.jackson.databind.JsonNode;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A facilitator imports the registration list from a spreadsheet in the console: the page says how
 * it read the file, previews the rows it will refuse, and sends nothing until the import is confirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantImportBrowserTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("csv-import");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient api;
    private ChromeDriver console;

    @BeforeAll
    void signIn() {
        api = new MingaClient("http://localhost:" + port);
        console = Browsers.open(1366, 768, "es");
        Browsers.signIn(console, url(""));
    }

    @AfterAll
    void closeBrowser() {
        if (console != null) {
            console.quit();
        }
    }

    /**
     * Spanish Excel saves "CSV (delimitado por comas)" in Windows-1252 with semicolons. The accents
     * arrive intact, the page says how it read the file, and a row with a gender Minga does not know,
     * a row without a name and a repeated id are shown before anything is sent, each with its line.
     */
    @Test
    void aWindows1252FileFromSpanishExcelIsReadAsSuchPreviewedAndImportedWithItsAccents() throws IOException {
        schedule("excel");
        Path file = write("excel.csv", WINDOWS_1252, """
                Nombre;Organización;Género;Zona;Id\r
                José Muñoz;Cooperativa La Peña;Hombre;Rural;p1\r
                Lucía Ñañez;Asociación de Mujeres;Otro;Urbana;p2\r
                ;Red Campesina;Mujer;Rural;p3\r
                Ana Pérez;"Red de Economía
                Solidaria";Mujer;Urbana;p4\r
                Pedro Páez;Colectivo Río;Hombre;Rural;p1\r
                """);

        choose("excel", file);

        String read = RoomBrowserTest.waitFor(console, By.id("csv-read")).getText();
        assertThat(read).contains("Windows-1252").contains("separado por ;");
        String preview = console.findElement(By.id("csv-preview")).getText();
        assertThat(preview).contains("Se inscribirán 2 filas").contains("3 filas serán rechazadas");
        assertThat(preview).contains("línea 3").contains("«Otro»").contains("género");
        assertThat(preview).contains("línea 4").contains("falta el nombre");
        assertThat(preview).contains("línea 7").contains("p1").contains("línea 2");
        assertThat(preview).doesNotContain("�");
        // Nothing is sent before the facilitator confirms.
        assertThat(api.get("/api/assemblies/excel/participants").json()).isEmpty();

        console.findElement(By.id("csv-confirm")).click();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(names("excel")).containsExactlyInAnyOrder("José Muñoz", "Ana Pérez"));
        new WebDriverWait(console, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("notice")).getText().contains("2 de 2"));
        assertThat(console.findElement(By.id("csv-preview")).getText())
                .contains("3 filas rechazadas en la vista previa no se enviaron").contains("línea 3").doesNotContain("Se inscribirán");
        assertThat(console.findElement(By.id("csv-confirm")).isDisplayed()).isFalse();
        JsonNode jose = person("excel", "José Muñoz");
        assertThat(jose.get("organization").asText()).isEqualTo("Cooperativa La Peña");
        assertThat(jose.get("gender").asText()).isEqualTo("male");
        assertThat(person("excel", "Ana Pérez").get("organization").asText()).isEqualTo("Red de Economía Solidaria");
        Browsers.screenshot(console, "csv-import-windows-1252");
    }

    /**
     * A UTF-8 file with a byte-order mark (what "CSV UTF-8" in Excel saves) and commas: read as
     * UTF-8, and a row the server refuses during the import (its id already belongs to someone else)
     * is listed with the server's own words, while the rest are registered.
     */
    @Test
    void aUtf8FileWithABomIsReadAsUtf8AndRowsTheServerRefusesAreListedWithItsReason() throws IOException {
        schedule("bom");
        api.post("/api/assemblies/bom/participants", """
                {"participantId": "taken", "name": "Marta Gómez", "organization": "Junta Vecinal"}""").expect(201);
        Path file = write("bom.csv", StandardCharsets.UTF_8, "\uFEFF" + """
                name,organization,ageGroup,participantId\r
                José Muñoz,Cooperativa La Peña,30-44,j1\r
                Ñusta Quispe,Ayllu Andino,18-29,taken\r
                """);

        choose("bom", file);

        String read = RoomBrowserTest.waitFor(console, By.id("csv-read")).getText();
        assertThat(read).contains("UTF-8").contains("BOM").contains("separado por ,").doesNotContain("Windows");
        assertThat(console.findElement(By.id("csv-preview")).getText()).contains("Se inscribirán 2 filas");

        console.findElement(By.id("csv-confirm")).click();

        new WebDriverWait(console, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("csv-errors")).getText().contains("línea 3"));
        assertThat(console.findElement(By.id("csv-errors")).getText()).contains("taken");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(names("bom")).containsExactlyInAnyOrder("Marta Gómez", "José Muñoz"));
        assertThat(person("bom", "Marta Gómez").get("organization").asText()).isEqualTo("Junta Vecinal");
    }

    /** Cancelling the preview sends nothing and empties the choice. */
    @Test
    void cancellingThePreviewSendsNothing() throws IOException {
        schedule("cancel");
        Path file = write("cancel.csv", WINDOWS_1252, "nombre;organizacion\r\nJosé Muñoz;Cooperativa\r\n");

        choose("cancel", file);
        RoomBrowserTest.waitFor(console, By.id("csv-confirm"));
        console.findElement(By.id("csv-cancel")).click();

        new WebDriverWait(console, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("csv-confirm")).isDisplayed());
        assertThat(console.findElement(By.id("csv-file")).getDomProperty("value")).isEmpty();
        assertThat(api.get("/api/assemblies/cancel/participants").json()).isEmpty();
    }

    private void schedule(String assemblyId) {
        api.post("/api/assemblies", """
                {"assemblyId": "%s", "title": "Asamblea de Nariño", "region": "Nariño", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "language": "es",
                 "axes": [{"axisId": "axis1", "title": "Asociatividad"}]}""".formatted(assemblyId)).expect(201);
    }

    private void choose(String assemblyId, Path file) {
        console.get(url("/console/" + assemblyId));
        RoomBrowserTest.waitFor(console, By.id("csv-file")).sendKeys(file.toAbsolutePath().toString());
    }

    private static Path write(String name, Charset charset, String text) throws IOException {
        Path file = DATA_DIR.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private List<String> names(String assemblyId) {
        return api.get("/api/assemblies/" + assemblyId + "/participants").expect(200).json().findValuesAsText("name");
    }

    private JsonNode person(String assemblyId, String name) {
        for (JsonNode person : api.get("/api/assemblies/" + assemblyId + "/participants").json()) {
            if (name.equals(person.get("name").asText())) {
                return person;
            }
        }
        throw new AssertionError(name + " is not registered in " + assemblyId);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
