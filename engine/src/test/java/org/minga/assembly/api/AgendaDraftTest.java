package org.minga.assembly.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.minga.assembly.api.AgendaDraft.DraftNeed;
import org.minga.assembly.api.AgendaDraft.DraftTable;
import org.junit.jupiter.api.Test;

class AgendaDraftTest {

    private static final MonthRange NEXT_YEAR = new MonthRange(YearMonth.of(2025, 3), YearMonth.of(2025, 9));

    private static DraftNeed finished(String pieceId, String text) {
        return new DraftNeed(pieceId, text, false, "Fondo rotatorio", List.of("Coop A", "Coop B"), List.of("Coop A"), NEXT_YEAR);
    }

    private static DraftNeed withdrawn(String pieceId, String text) {
        return new DraftNeed(pieceId, text, true, null, null, null, null);
    }

    @Test
    void theDraftIsEveryStandingNeedOfEveryPinnedTableInTheOrderGiven() {
        List<AgendaItem> items = AgendaDraft.items(List.of(
                new DraftTable("credit", "t2", "ana", true, List.of(finished("p3", "Crédito"), finished("p4", "Ahorro"))),
                new DraftTable("networks", "t1", "luis", true, List.of(finished("p1", "Redes")))));

        assertThat(items).extracting(AgendaItem::needPieceId).containsExactly("p3", "p4", "p1");
        assertThat(items.get(0)).isEqualTo(new AgendaItem("credit", "t2", "p3", "Crédito", "Fondo rotatorio",
                List.of("Coop A", "Coop B"), List.of("Coop A"), NEXT_YEAR, "ana"));
    }

    @Test
    void aTableNotPinnedAddsNothingToTheDraft() {
        List<AgendaItem> items = AgendaDraft.items(List.of(
                new DraftTable("credit", "t1", "ana", false, List.of(finished("p1", "Crédito"))),
                new DraftTable("credit", "t2", null, false, List.of(new DraftNeed("p2", "Ahorro", false, null, null, null, null)))));

        assertThat(items).isEmpty();
    }

    @Test
    void aWithdrawnNeedStaysOffTheDraftEvenOnAPinnedTable() {
        List<AgendaItem> items = AgendaDraft.items(List.of(
                new DraftTable("credit", "t1", "ana", true, List.of(withdrawn("p1", "Crédito"), finished("p2", "Ahorro")))));

        assertThat(items).extracting(AgendaItem::need).containsExactly("Ahorro");
    }

    @Test
    void aNeedNotFinishedReadsWithBlanksRatherThanFailing() {
        List<AgendaItem> items = AgendaDraft.items(List.of(
                new DraftTable("credit", "t1", "ana", true, List.of(new DraftNeed("p1", "Crédito", false, null, null, null, null)))));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.solution()).isNull();
            assertThat(item.cooperatingOrganizations()).isEmpty();
            assertThat(item.who()).isEmpty();
            assertThat(item.when()).isNull();
        });
    }
}
