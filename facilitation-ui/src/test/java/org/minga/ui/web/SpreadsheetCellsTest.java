package org.minga.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No cell Minga exports can start a formula, however the sign is dressed up. */
class SpreadsheetCellsTest {

    @Test
    void aFormulaSignIsDefusedEvenBehindInvisibleCharactersOrBeforeALineSeparator() {
        assertThat(SpreadsheetCells.text("=cmd|' /C calc'!A0; x\u2028y")).isEqualTo("'=cmd|' /C calc'!A0; x\u2028y");
        assertThat(SpreadsheetCells.text("=1+2\u2029")).isEqualTo("'=1+2\u2029");
        assertThat(SpreadsheetCells.text("\uFEFF=1+2")).isEqualTo("'\uFEFF=1+2");
        assertThat(SpreadsheetCells.text("\u200B\u200F@SUM(A1)")).isEqualTo("'\u200B\u200F@SUM(A1)");
        assertThat(SpreadsheetCells.text(" +57 300")).isEqualTo("' +57 300");
        assertThat(SpreadsheetCells.text("\u3164-2+3")).isEqualTo("'\u3164-2+3");
        assertThat(SpreadsheetCells.text("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCells.text("\r=x")).isEqualTo("'\r=x");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SpreadsheetCells.text("Cooperativa La Esperanza")).isEqualTo("Cooperativa La Esperanza");
        assertThat(SpreadsheetCells.text("Crédito = confianza")).isEqualTo("Crédito = confianza");
        assertThat(SpreadsheetCells.text("")).isEmpty();
        assertThat(SpreadsheetCells.text(null)).isNull();
    }

    @Test
    void csvFieldsAreQuotedWithQuotesDoubled() {
        assertThat(SpreadsheetCells.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SpreadsheetCells.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(SpreadsheetCells.csv(null)).isEmpty();
    }
}
