package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a downloaded agenda.csv as a spreadsheet would: after its byte-order mark, line by line, field by field. */
public final class CsvDownloads {

    private CsvDownloads() {
    }

    /** The lines after the byte-order mark, each ended by CRLF as RFC 4180 asks. */
    public static List<String> lines(MingaClient.Download csv) {
        String text = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }

    /** The data rows (the header left out), each cut into its fields as RFC 4180 reads them. */
    public static List<List<String>> rows(MingaClient.Download csv, char separator) {
        return lines(csv).stream().skip(1).map(line -> fields(line, separator)).toList();
    }

    /** The data row whose last field, the piece id, is {@code pieceId}. */
    public static List<String> row(List<List<String>> rows, String pieceId) {
        return rows.stream().filter(row -> row.get(row.size() - 1).equals(pieceId)).findFirst().orElseThrow();
    }

    private static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
