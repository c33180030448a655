package org.minga.ui.downloads;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.minga.assembly.api.AgendaItem;
import org.minga.ui.web.SpreadsheetCells;

/**
 * The agenda as a CSV a spreadsheet opens by double-click: UTF-8 with a byte-order mark (so Excel
 * reads the accents), the separator asked for, headers in the reader's language, and human
 * columns: axis title, table label, need, solution, who, when, spokesperson; the piece id last,
 * for tools that join on it. Every cell is defused against formulas ({@link SpreadsheetCells}).
 */
public final class AgendaCsv {

    static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String LINE_END = "\r\n";
    private static final List<String> COLUMNS =
            List.of("axis", "table", "need", "solution", "cooperating", "who", "from", "to", "spokesperson", "piece");

    private AgendaCsv() {
    }

    public static String write(AgendaDocument document, DownloadWords words, CsvSeparator separator) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        line(csv, separator, COLUMNS.stream().map(column -> words.get("csv." + column)));
        for (AgendaItem item : document.agenda().items()) {
            line(csv, separator, cells(document, item));
        }
        return csv.toString();
    }

    private static Stream<String> cells(AgendaDocument document, AgendaItem item) {
        return Stream.of(document.axisTitle(item.axisId()), document.tableLabel(item.tableId()), item.need(), item.solution(),
                String.join("; ", item.cooperatingOrganizations()), String.join("; ", item.who()),
                item.when() == null ? null : item.when().from().toString(),
                item.when() == null ? null : item.when().to().toString(),
                document.spokespersonName(item), item.needPieceId());
    }

    private static void line(StringBuilder csv, CsvSeparator separator, Stream<String> cells) {
        csv.append(cells.map(SpreadsheetCells::csv).collect(Collectors.joining(String.valueOf(separator.character()))))
                .append(LINE_END);
    }
}
