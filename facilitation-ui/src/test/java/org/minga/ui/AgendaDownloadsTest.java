package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.minga.ui.CsvDownloads.lines;
import static org.minga.ui.CsvDownloads.row;
import static org.minga.ui.CsvDownloads.rows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The agenda's downloads as a facilitator hands them over, checked byte by byte: a CSV that Spanish
 * Excel opens by double-click with human columns, and minutes in Markdown with axis titles, the
 * vote and a place to sign. Spokespeople's names only for a facilitator, never for an auditor link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgendaDownloadsTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("agenda-downloads");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CREDIT = "Acceso a crédito para la economía popular";
    private static final String TRAINING = "Formación para la asociatividad solidaria";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient facilitator;
    private MingaClient auditor;
    private ScriptedAssembly assembly;
    private String base;
    private String draftMinutes;

    @BeforeAll
    void runTheAssemblyToApproval() {
        facilitator = new MingaClient("http://localhost:" + port);
        base = "/api/assemblies/" + ScriptedAssembly.ID;
        assembly = new ScriptedAssembly(facilitator).schedule().registerTwelve().split().writeNeeds()
                .attachSolutions().planWork().electAndPin();
        await().atMost(Duration.ofSeconds(20)).until(() -> facilitator.get(base + "/agenda").json().get("items").size() == 8);
        draftMinutes = facilitator.download(base + "/agenda.md").expect(200).text();
        assembly.approveByVote();
        await().atMost(Duration.ofSeconds(20)).until(() -> "approved".equals(facilitator.get(base + "/agenda").json().get("status").asText()));
        String link = facilitator.post(base + "/links", "{\"kind\": \"auditor\"}").expect(201).json().get("url").asText();
        auditor = facilitator.withLink(link.replaceAll(".*[?&]link=", ""));
    }

    @Test
    void theCsvOpensInSpanishExcelWithABomSemicolonsAndSpanishHeaders() {
        MingaClient.Download csv = facilitator.download(base + "/agenda.csv").expect(200);

        assertThat(Arrays.copyOf(csv.bytes(), 3)).as("UTF-8 byte-order mark").isEqualTo(BOM);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.contentDisposition()).isEqualTo("attachment; filename=\"valle-2026-agenda.csv\"");
        assertThat(lines(csv).get(0)).isEqualTo("\"eje\";\"mesa\";\"necesidad\";\"solución\";\"organizaciones que cooperan\";"
                + "\"quién\";\"desde\";\"hasta\";\"vocería\";\"id de la pieza\"");
        assertThat(rows(csv, ';')).hasSize(8).allSatisfy(row -> assertThat(row).hasSize(10));
    }

    @Test
    void theCsvHeadersFollowTheRequestsLanguage() {
        MingaClient.Download csv = facilitator.inEnglish().download(base + "/agenda.csv").expect(200);

        assertThat(Arrays.copyOf(csv.bytes(), 3)).isEqualTo(BOM);
        assertThat(lines(csv).get(0)).isEqualTo("\"axis\";\"table\";\"need\";\"solution\";\"cooperating organisations\";"
                + "\"who\";\"from\";\"to\";\"spokesperson\";\"piece id\"");
    }

    @Test
    void theCsvColumnsAreWhatPeopleReadAndThePieceIdComesLast() {
        List<String> row = row(rows(facilitator.download(base + "/agenda.csv").expect(200), ';'), "t2-n3");

        assertThat(row).containsExactly(CREDIT, label("t2"), "Crédito sin garantías para mujeres rurales", "Solución para t2-n3",
                "Cooperativa La Esperanza; Banco Comunal", "Cooperativa La Esperanza", "2025-01", "2025-06",
                nameOfSpokesperson("t2"), "t2-n3");
        assertThat(label("t2")).matches("Mesa \\d+");
        for (List<String> each : rows(facilitator.download(base + "/agenda.csv").expect(200), ';')) {
            assertThat(each.get(0)).isIn(CREDIT, TRAINING);
            assertThat(each.get(1)).matches("Mesa \\d+");
            assertThat(each.get(8)).matches("Persona \\d+");
        }
    }

    @Test
    void anAuditorLinkGetsTheCsvWithoutNames() {
        MingaClient.Download csv = auditor.download(base + "/agenda.csv").expect(200);

        assertThat(rows(csv, ';')).hasSize(8).allSatisfy(row -> assertThat(row.get(8)).isEmpty());
        assertThat(csv.text()).doesNotContain("Persona ");
    }

    @Test
    void aCommaSeparatedCsvIsThereForWhoAsksForIt() {
        MingaClient.Download csv = facilitator.inEnglish().download(base + "/agenda.csv?separator=comma").expect(200);

        assertThat(Arrays.copyOf(csv.bytes(), 3)).isEqualTo(BOM);
        assertThat(lines(csv).get(0)).startsWith("\"axis\",\"table\",\"need\",\"solution\"");
        assertThat(row(rows(csv, ','), "t2-n3")).startsWith(CREDIT, label("t2"), "Crédito sin garantías para mujeres rurales");
    }

    @Test
    void anUnknownSeparatorIsRefusedInTheRequestsLanguage() {
        MingaClient.Answer spanish = facilitator.get(base + "/agenda.csv?separator=tab").expect(400);
        MingaClient.Answer english = facilitator.inEnglish().get(base + "/agenda.csv?separator=tab").expect(400);

        assertThat(spanish.contentType()).startsWith("application/problem+json");
        assertThat(spanish.json().get("code").asText()).isEqualTo("separator.unknown");
        assertThat(spanish.json().get("field").asText()).isEqualTo("separator");
        assertThat(spanish.json().get("detail").asText()).startsWith("«tab» no es un separador").contains("«semicolon»", "«comma»");
        assertThat(english.json().get("detail").asText()).startsWith("\"tab\" is not a separator").contains("\"semicolon\"", "\"comma\"");
    }

    @Test
    void theMinutesCarryTheAssemblyTheAttendanceTheVoteAndSignatures() {
        MingaClient.Download minutes = facilitator.download(base + "/agenda.md").expect(200);
        String md = minutes.text();

        assertThat(minutes.contentDisposition()).isEqualTo("attachment; filename=\"valle-2026-acta.md\"");
        assertThat(md).startsWith("# Acta de la asamblea: Asamblea del Valle\n")
                .contains("Fecha: 14 de marzo de 2026", "Lugar: Coliseo, Valle del Cauca",
                        "12 personas registradas; 12 sentadas en mesas.", "4 mesas de trabajo.", "Mujeres: 6 de 12 (50",
                        "por votación el ", ": 9 votos a favor, 2 en contra, 1 abstención.",
                        "## Agenda aprobada", "### " + CREDIT, "### " + TRAINING,
                        "**Crédito sin garantías para mujeres rurales** (" + label("t2") + ")",
                        "Vocería: " + nameOfSpokesperson("t2"),
                        "## Firmas", "Facilitación: ____", "Testigo: ____")
                .doesNotContain("BORRADOR");
        assertNoInternalIds(md);
    }

    @Test
    void theMinutesReadInEnglishWithSingularsWhereTheyBelong() {
        MingaClient.Download minutes = facilitator.inEnglish().download(base + "/agenda.md").expect(200);

        assertThat(minutes.contentDisposition()).isEqualTo("attachment; filename=\"valle-2026-minutes.md\"");
        assertThat(minutes.text()).startsWith("# Minutes of the assembly: Asamblea del Valle\n")
                .contains("Date: 14 March 2026", "Place: Coliseo, Valle del Cauca", "Women: 6 of 12 (50%)",
                        ": 9 votes in favour, 2 against, 1 abstention.", "## Approved agenda", "### " + CREDIT,
                        "Spokesperson: " + nameOfSpokesperson("t2"), "## Signatures", "Facilitator: ____", "Witness: ____")
                .doesNotContain("1 abstentions");
        assertNoInternalIds(minutes.text());
    }

    @Test
    void anAuditorLinkGetsTheMinutesWithoutNames() {
        String md = auditor.download(base + "/agenda.md").expect(200).text();

        assertThat(md).contains("### " + CREDIT, "9 votos a favor").doesNotContain("Vocería", "Persona ");
    }

    @Test
    void beforeTheVoteTheMinutesSayTheAgendaIsADraft() {
        assertThat(draftMinutes).contains("**BORRADOR: el plenario aún no ha aprobado esta agenda; puede cambiar.**",
                "## Agenda (borrador, sin aprobar)", "### " + CREDIT)
                .doesNotContain("aprobó", "## Firmas");
    }

    /** No axis id, table id or participant id where a person's text is not: headings, table labels, names. */
    private static void assertNoInternalIds(String md) {
        assertThat(md).doesNotContain("credit", "training", "## association")
                .doesNotContainPattern("\\(t\\d\\)")
                .doesNotContainPattern("\\bp\\d\\d\\b");
    }

    private String label(String tableId) {
        for (JsonNode table : assembly.tables()) {
            if (table.get("tableId").asText().equals(tableId)) {
                return table.get("label").asText();
            }
        }
        throw new AssertionError("no table " + tableId);
    }

    /** ScriptedAssembly registers "p05" as "Persona 5". */
    private String nameOfSpokesperson(String tableId) {
        return "Persona " + Integer.parseInt(assembly.spokespeople().get(tableId).substring(1));
    }
}
