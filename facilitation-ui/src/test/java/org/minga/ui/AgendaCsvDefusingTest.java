package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What a phone writes reaches the agenda's CSV as text a spreadsheet shows, never as a formula it runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgendaCsvDefusingTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("csv-defusing");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void hostileTextsFromAPhoneAreDefusedInTheAgendaCsv() {
        MingaClient api = new MingaClient("http://localhost:" + port);
        String base = "/api/assemblies/" + ScriptedAssembly.ID;
        ScriptedAssembly assembly = new ScriptedAssembly(api).schedule().registerTwelve().split().writeNeeds();
        api.put(base + "/tables/t1/needs/t1-n1", "{\"text\": \"\\uFEFF=1+2\"}").expect(200);
        assembly.attachSolutions();
        api.put(base + "/tables/t1/needs/t1-n1/solution", """
                {"text": "@SUM(A1:A9)", "cooperatingOrganizations": ["=cmd|' /C calc'!A0", "x\\u2028y"]}""").expect(200);
        assembly.planWork().electAndPin().approveByVote();
        await().until(() -> "approved".equals(api.get(base + "/agenda").json().get("status").asText()));

        // The file's own byte-order mark goes first; what follows is what a spreadsheet reads as cells, separated by ';'.
        String csv = api.get(base + "/agenda.csv").expect(200).text().replaceFirst("^\uFEFF", "");
        String row = Arrays.stream(csv.split("\r\n")).filter(line -> line.contains("\"t1-n1\"")).findFirst().orElseThrow();
        List<String> cells = Arrays.stream(row.split("\";\"")).map(cell -> cell.replaceAll("^\"|\"$", "")).toList();
        assertThat(cells.get(2)).isEqualTo("'\uFEFF=1+2");
        assertThat(cells.get(3)).isEqualTo("'@SUM(A1:A9)");
        assertThat(cells.get(4)).isEqualTo("'=cmd|' /C calc'!A0; x\u2028y");
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(";(?=\")")) {
                String text = cell.replaceAll("^\"", "");
                assertThat(text).as(line).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+")
                        .doesNotStartWith("\uFEFF=");
            }
        }
    }
}
