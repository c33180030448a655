package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console's reader of registration files (js/console/csv.js, an ES module), run as shipped in
 * real Chromium on a page of its own: encodings as spreadsheets save them, separators, quoted
 * cells, and rows turned into what the API registers. Expected values come from the file format
 * and the API's codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvReaderBrowserTest {

    private ChromeDriver browser;

    @BeforeAll
    void openThePage() throws Exception {
        Path script = Path.of(CsvReaderBrowserTest.class.getResource("/static/js/console/csv.js").toURI());
        Path page = Files.createTempFile("minga-csv", ".html");
        Files.writeString(page, "<!DOCTYPE html><meta charset=\"utf-8\"><title>csv.js</title>");
        browser = Browsers.open(800, 600, "es");
        browser.get(page.toUri().toString());
        // A module does not load from file:// in Chromium; the shipped file's own text does, as a data: URL.
        String module = "data:text/javascript;charset=utf-8;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(script));
        Object loaded = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import(arguments[0]).then(csv => { window.MingaCsv = csv; done('loaded'); }, problem => done(String(problem)));", module);
        assertThat(loaded).as("js/console/csv.js loaded as a module").isEqualTo("loaded");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void spanishExcelsWindows1252IsReadAsSuchAndSaysSo() {
        // "José Muñoz;Año" as Windows-1252: é = E9, ñ = F1; not valid UTF-8.
        Map<String, Object> read = decode(List.of(0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x4D, 0x75, 0xF1, 0x6F, 0x7A, 0x3B, 0x41, 0xF1, 0x6F));

        assertThat(read).containsEntry("encoding", "windows-1252").containsEntry("text", "José Muñoz;Año");
    }

    @Test
    void utf8IsReadWithOrWithoutItsByteOrderMarkAndTheMarkIsDropped() {
        List<Integer> jose = List.of(0x4A, 0x6F, 0x73, 0xC3, 0xA9); // "José" in UTF-8

        assertThat(decode(jose)).containsEntry("encoding", "utf-8").containsEntry("text", "José");
        assertThat(decode(prefixed(List.of(0xEF, 0xBB, 0xBF), jose))).containsEntry("encoding", "utf-8-bom").containsEntry("text", "José");
        assertThat(decode(List.of(0xFF, 0xFE, 0x4A, 0x00, 0xE9, 0x00))).containsEntry("encoding", "utf-16").containsEntry("text", "Jé");
    }

    @Test
    void theHeaderLineTellsTheSeparatorAndQuotedSeparatorsDoNotCount() {
        assertThat(run("return MingaCsv.detectDelimiter('nombre;organizacion;genero\\nAna,María;Coop;F');")).isEqualTo(";");
        assertThat(run("return MingaCsv.detectDelimiter('nombre\\torganizacion\\nAna\\tCoop');")).isEqualTo("\t");
        assertThat(run("return MingaCsv.detectDelimiter('\"nombre;apellido\",organizacion');")).isEqualTo(",");
        assertThat(run("return MingaCsv.detectDelimiter('nombre');")).as("one column").isEqualTo(",");
    }

    @Test
    void quotedCellsKeepSeparatorsQuotesAndLineBreaksAndRecordsKnowTheLineTheyStartOn() {
        Object records = run("return MingaCsv.parse(arguments[0], ',');",
                "name,organization\r\n\"Ana\nMaría\",\"Coop \"\"La Esperanza\"\", Valle\"\r\n\r\nBeto,Org\r\n");

        assertThat(records).isEqualTo(List.of(
                Map.of("line", 1L, "fields", List.of("name", "organization")),
                Map.of("line", 2L, "fields", List.of("Ana\nMaría", "Coop \"La Esperanza\", Valle")),
                Map.of("line", 5L, "fields", List.of("Beto", "Org"))));
    }

    @Test
    void linesMayEndInCarriageReturnsAloneAndALeadingMarkIsDropped() {
        Object records = run("return MingaCsv.parse('\\uFEFFnombre;org\\rAna;Coop\\r');");

        assertThat(records).isEqualTo(List.of(
                Map.of("line", 1L, "fields", List.of("nombre", "org")),
                Map.of("line", 2L, "fields", List.of("Ana", "Coop"))));
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLineWhereItOpened() {
        Object problem = run("try { MingaCsv.parse('nombre,org\\nAna,Coop\\n\"Beto,Org\\nCarla,Org'); return null; }"
                + " catch (problem) { return problem; }");

        assertThat(problem).isEqualTo(Map.of("code", "unclosed", "line", 3L));
    }

    @Test
    void spanishColumnsAndValuesBecomeTheApisFieldsAndCodes() {
        Object read = run("return MingaCsv.toParticipants(MingaCsv.parse(arguments[0]), [{axisId: 'credit', title: 'Crédito'}]);",
                "Nombre;Organización;Género;Edad;Zona;Eje;Color favorito\n"
                        + "Ana Pérez;Coop La Esperanza;Mujer;18 a 29;Urbana;crédito;azul\n");

        assertThat(read).isEqualTo(Map.of(
                "rows", List.of(Map.of("line", 2L, "problems", List.of(), "body", Map.of(
                        "name", "Ana Pérez", "organization", "Coop La Esperanza", "gender", "female",
                        "ageGroup", "18-29", "area", "urban", "preferredAxisId", "credit"))),
                "ignored", List.of("Color favorito"),
                "hasName", true,
                "hasHeader", true));
    }

    @Test
    void eachRowSaysWhatTheServerWouldRefuse() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) run(
                "return MingaCsv.toParticipants(MingaCsv.parse(arguments[0]), [{axisId: 'credit', title: 'Crédito'}]);",
                "id,name,organization,gender,axis\n"
                        + "p1,Ana,Coop,female,credit\n"
                        + "p1,Beto,Org,male,credit\n"
                        + "p3,Carla,,otro,vivienda\n")).get("rows");

        assertThat(rows).extracting(row -> row.get("problems")).containsExactly(
                List.of(),
                List.of(Map.of("key", "duplicate", "value", "p1", "first", 2L)),
                List.of(Map.of("key", "organization"), Map.of("key", "gender", "value", "otro"), Map.of("key", "axis", "value", "vivienda")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> decode(List<Integer> bytes) {
        return (Map<String, Object>) run("return MingaCsv.decode(new Uint8Array(arguments[0]).buffer);", bytes);
    }

    private static List<Integer> prefixed(List<Integer> prefix, List<Integer> bytes) {
        return Stream.concat(prefix.stream(), bytes.stream()).toList();
    }

    private Object run(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }
}
