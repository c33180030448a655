package org.minga.ui.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.query.AgendaView;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.BoardView;
import org.minga.assembly.api.query.ParticipationView;

/** The minutes and the CSV from a hand-made agenda: the cases a whole assembly run does not reach. */
class AgendaMinutesTest {

    private static final Instant APPROVED_AT = Instant.parse("2026-03-14T19:05:00Z");
    private static final AgendaItem ITEM = new AgendaItem("credit", "t1", "t1-n1", "Crédito *sin* garantías", "Fondo rotatorio",
            List.of("Cooperativa"), List.of("Alcaldía"), new MonthRange(YearMonth.of(2026, 4), YearMonth.of(2026, 9)), "p01");
    private static final DownloadWords SPANISH = new DownloadWords(Locale.forLanguageTag("es-CO"));
    private static final DownloadWords ENGLISH = new DownloadWords(Locale.ENGLISH);

    @Test
    void aConsensusIsWrittenAsSuchWithItsDateAndTime() {
        AgendaDocument document = document(new AgendaView.Approval(ApprovalMethod.CONSENSUS, null, null, null, APPROVED_AT), Map.of());

        assertThat(AgendaMinutes.write(document, SPANISH))
                .contains("El plenario aprobó la agenda por consenso el 14 de marzo de 2026 a las 19:05 (UTC).");
        assertThat(AgendaMinutes.write(document, ENGLISH))
                .contains("The plenary approved the agenda by consensus on 14 March 2026 at 19:05 (UTC).");
    }

    @Test
    void votesOfOneAndOfNoneReadInTheSingularAndAsNone() {
        AgendaDocument document = document(new AgendaView.Approval(ApprovalMethod.VOTE, 1, 0, 0, APPROVED_AT), Map.of());

        assertThat(AgendaMinutes.write(document, SPANISH)).contains(": 1 voto a favor, ninguno en contra, ninguna abstención.");
        assertThat(AgendaMinutes.write(document, ENGLISH)).contains(": 1 vote in favour, none against, no abstentions.");
    }

    @Test
    void itemsAreEscapedLabelledAndNameTheSpokespersonOnlyWhenGiven() {
        AgendaItem erasedSpokesperson = new AgendaItem("credit", "t1", "t1-n2", "Otra", "Otra solución", List.of(), List.of(),
                null, "p02");
        AgendaDocument named = new AgendaDocument(agenda(null, List.of(ITEM, erasedSpokesperson)), assembly(), participation(),
                Map.of("p01", "Rosa Ticona"));

        String minutes = AgendaMinutes.write(named, SPANISH);
        assertThat(minutes).contains("### Acceso a crédito", "1. **Crédito \\*sin\\* garantías** (Mesa 1)",
                "   - Cuándo: 2026-04 – 2026-09", "   - Vocería: Rosa Ticona", "2. **Otra** (Mesa 1)",
                "   - Organizaciones que cooperan: —", "### Formación", "Ningún punto de este eje en la agenda.");
        assertThat(minutes.split("Vocería:", -1)).as("one spokesperson line: the erased name leaves none").hasSize(2);
        assertThat(AgendaCsv.write(named, SPANISH, CsvSeparator.SEMICOLON))
                .contains("\"Acceso a crédito\";\"Mesa 1\";\"Otra\";\"Otra solución\";\"\";\"\";;;\"\";\"t1-n2\"\r\n");
    }

    @Test
    void aDraftSaysSoAndLeavesTheSignaturesOut() {
        String minutes = AgendaMinutes.write(document(null, Map.of()), ENGLISH);

        assertThat(minutes).contains("**DRAFT: the plenary has not approved this agenda yet; it may still change.**",
                "## Agenda (draft, not approved)").doesNotContain("## Signatures", "approved the agenda");
    }

    @Test
    void nobodyRegisteredAndNoWomenCountedAreSaidPlainly() {
        ParticipationView.Breakdowns none = new ParticipationView.Breakdowns(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        AgendaDocument document = new AgendaDocument(agenda(null, List.of()), assembly(),
                new ParticipationView("a", 1, 0, 0, none, List.of()), Map.of());

        assertThat(AgendaMinutes.write(document, SPANISH)).contains("- Nadie registrado; ninguna sentada en una mesa.",
                "La agenda aún no tiene puntos").doesNotContain("Mujeres");
    }

    @Test
    void anUnknownSeparatorIsRefusedAndTheTwoKnownOnesAreRead() {
        assertThat(CsvSeparator.of(null)).isEqualTo(CsvSeparator.SEMICOLON);
        assertThat(CsvSeparator.of("Comma")).isEqualTo(CsvSeparator.COMMA);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvSeparator.of(";"))
                .hasMessage("\";\" is not a separator Minga knows for \"separator\": use \"semicolon\" (the default, what"
                        + " Spanish-locale Excel expects) or \"comma\".");
    }

    private static AgendaDocument document(AgendaView.Approval approval, Map<String, String> names) {
        return new AgendaDocument(agenda(approval, List.of(ITEM)), assembly(), participation(), names);
    }

    private static AgendaView agenda(AgendaView.Approval approval, List<AgendaItem> items) {
        return new AgendaView("a", "Asamblea", 9, approval == null ? "draft" : "approved", approval, items, "es");
    }

    private static AssemblySummary assembly() {
        return new AssemblySummary("a", "Asamblea de Tarija", "Tarija", null, LocalDate.of(2026, 3, 14),
                new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2027, 12)), "es",
                List.of(new AxisDefinition("credit", "Acceso a crédito", null), new AxisDefinition("training", "Formación", null)),
                new AssemblyRules(2, 20), List.of(), "running", 9, BoardView.StepState.NONE,
                new AssemblySummary.Counts(1, 1, 1, 1, 1),
                List.of(new AssemblySummary.TableSummary("t1", "credit", "Mesa 1", List.of("p01"), null, "p01", true)), List.of("p01"));
    }

    private static ParticipationView participation() {
        ParticipationView.Breakdowns breakdowns = new ParticipationView.Breakdowns(
                List.of(new ParticipationView.Count("female", 1, 1.0)), List.of(), List.of(), List.of(), List.of(), List.of());
        return new ParticipationView("a", 9, 1, 1, breakdowns, List.of());
    }
}
