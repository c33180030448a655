package org.minga.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.SolutionAttachedEvent;
import org.minga.assembly.api.SolutionRevisedEvent;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLeaderAssignedEvent;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.StepPausedEvent;
import org.minga.assembly.api.StepResumedEvent;
import org.minga.assembly.api.VoteCount;
import org.minga.assembly.api.WorkPlanRevisedEvent;
import org.minga.assembly.api.WorkPlanSetEvent;
import org.minga.projections.AssemblyEvent;

class HistorySentencesTest {

    private static final Instant NINE = Instant.parse("2026-03-14T13:00:00Z");
    private static final MonthRange DURING_2025 = new MonthRange(YearMonth.of(2025, 1), YearMonth.of(2025, 6));
    private static final AgendaItem ITEM = new AgendaItem("credit", "t1", "n1", "Crédito", "Fondo", List.of(), List.of("Coop"), DURING_2025, "p1");

    private static final Map<String, String> LABELS = Map.of("t1", "Mesa 1", "t2", "Mesa 2");
    private static final Map<String, String> NEEDS = Map.of("n1", "Crédito rural");

    /**
     * One of every event the engine appends, with the sentence an auditor should read in Spanish and in English:
     * tables by their labels (t1 is "Mesa 1", t2 "Mesa 2"), needs by their text (n1 is "Crédito rural"),
     * what people wrote as written, counts in their plural, and no person by id.
     */
    static Stream<Arguments> everyEvent() {
        return Stream.of(
                told(new AssemblyScheduledEvent("a", "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14), DURING_2025, "es",
                                List.of(new AxisDefinition("credit", "Crédito", null)), AssemblyRules.DEFAULTS, List.of()),
                        "Se programó la asamblea «Asamblea» en Valle para el 2026-03-14, con 1 eje temático.",
                        "The assembly \"Asamblea\" was scheduled in Valle for 2026-03-14, with 1 thematic axis."),
                told(new ParticipantRegisteredEvent("a", "p1", new ParticipantProfile("Coop", null, null, null, null, null, null, null)),
                        "Se inscribió una persona (Coop).",
                        "A participant (Coop) registered."),
                told(new AssemblySplitIntoTablesEvent("a", 20, List.of(new TableAssignment("t1", "credit", 1, List.of("p1")))),
                        "Se dividió a 1 persona en 1 mesa de hasta 20.",
                        "1 person was split into 1 table of up to 20."),
                told(new AssemblySplitIntoTablesEvent("a", 20, List.of(new TableAssignment("t1", "credit", 1, List.of("p1", "p2")),
                                new TableAssignment("t2", "credit", 2, List.of("p3")))),
                        "Se dividió a 3 personas en 2 mesas de hasta 20.",
                        "3 people were split into 2 tables of up to 20."),
                told(new LateParticipantSeatedEvent("a", "p2", "t1"),
                        "Una persona llegó tarde y se sentó en Mesa 1.",
                        "A participant arrived late and was seated at Mesa 1."),
                told(new TableLeaderAssignedEvent("a", "t1", "p1"),
                        "Se designó quien dirige Mesa 1.",
                        "Mesa 1 was given its leader."),
                told(new StepOpenedEvent("a", Step.WORK_PLAN, NINE, NINE.plusSeconds(1200)),
                        "Se abrió el paso «plan de trabajo» por 20 minutos.",
                        "The \"work plan\" step opened for 20 minutes."),
                told(new StepClosedEvent("a", Step.WORK_PLAN, NINE),
                        "Se cerró el paso «plan de trabajo».",
                        "The \"work plan\" step closed."),
                told(new StepTimeChangedEvent("a", Step.NEEDS, 5, NINE.plusSeconds(900), NINE),
                        "El paso «necesidades» tuvo 5 minutos más.",
                        "The \"needs\" step was given 5 more minutes."),
                told(new StepTimeChangedEvent("a", Step.NEEDS, -3, NINE.plusSeconds(600), NINE),
                        "El paso «necesidades» tuvo 3 minutos menos.",
                        "The \"needs\" step was given 3 fewer minutes."),
                told(new StepOpenedEvent("a", Step.NEEDS, NINE, NINE.plusSeconds(60)),
                        "Se abrió el paso «necesidades» por 1 minuto.",
                        "The \"needs\" step opened for 1 minute."),
                told(new StepTimeChangedEvent("a", Step.NEEDS, 1, NINE.plusSeconds(660), NINE),
                        "El paso «necesidades» tuvo 1 minuto más.",
                        "The \"needs\" step was given 1 more minute."),
                told(new StepTimeChangedEvent("a", Step.NEEDS, -1, NINE.plusSeconds(540), NINE),
                        "El paso «necesidades» tuvo 1 minuto menos.",
                        "The \"needs\" step was given 1 minute less."),
                told(new NeedPieceAddedEvent("a", "t1", "credit", "n1", "Crédito"),
                        "Mesa 1 escribió la necesidad «Crédito».",
                        "Mesa 1 wrote the need \"Crédito\"."),
                told(new NeedPieceRevisedEvent("a", "t1", "n1", "Crédito rural"),
                        "Mesa 1 reescribió su necesidad: «Crédito rural».",
                        "Mesa 1 rewrote its need: \"Crédito rural\"."),
                told(new NeedPieceWithdrawnEvent("a", "t1", "n1"),
                        "Mesa 1 retiró la necesidad «Crédito rural».",
                        "Mesa 1 withdrew the need \"Crédito rural\"."),
                told(new SolutionAttachedEvent("a", "t1", "n1", "Fondo", List.of("Coop A", "Coop B")),
                        "Mesa 1 propuso la solución «Fondo» (cooperan: Coop A, Coop B).",
                        "Mesa 1 proposed the solution \"Fondo\" (cooperating: Coop A, Coop B)."),
                told(new SolutionRevisedEvent("a", "t1", "n1", "Fondo rotatorio", List.of("Coop A")),
                        "Mesa 1 cambió la solución a «Fondo rotatorio» (cooperan: Coop A).",
                        "Mesa 1 changed the solution to \"Fondo rotatorio\" (cooperating: Coop A)."),
                told(new WorkPlanSetEvent("a", "t1", "n1", List.of("Coop A"), DURING_2025),
                        "Mesa 1 planificó: Coop A, de 2025-01 a 2025-06.",
                        "Mesa 1 planned: Coop A, from 2025-01 to 2025-06."),
                told(new WorkPlanRevisedEvent("a", "t1", "n1", List.of("Coop B"), DURING_2025),
                        "Mesa 1 cambió el plan: Coop B, de 2025-01 a 2025-06.",
                        "Mesa 1 changed the plan: Coop B, from 2025-01 to 2025-06."),
                told(new SpokespersonElectedEvent("a", "t1", "p1"),
                        "Mesa 1 eligió su vocería.",
                        "Mesa 1 elected its spokesperson."),
                told(new TablePuzzlePinnedEvent("a", "t1"),
                        "Mesa 1 fijó su rompecabezas en el tablero.",
                        "Mesa 1 pinned its puzzle onto the board."),
                told(new TablePuzzleUnpinnedEvent("a", "t1", "Fijó antes de revisar el plan"),
                        "La facilitación despegó el rompecabezas de Mesa 1 del tablero: «Fijó antes de revisar el plan».",
                        "The facilitation unpinned the puzzle of Mesa 1 from the board: \"Fijó antes de revisar el plan\"."),
                told(new ParticipantMovedEvent("a", "p1", "t2", "t1", null, false, false),
                        "Una persona pasó de Mesa 2 a Mesa 1.",
                        "A participant moved from Mesa 2 to Mesa 1."),
                told(new ParticipantMovedEvent("a", "p1", "t2", "t1", "Viene con su familia", true, true),
                        "Una persona pasó de Mesa 2 a Mesa 1: «Viene con su familia». "
                                + "La mesa que dejó queda sin quien la dirija y elige de nuevo su vocería.",
                        "A participant moved from Mesa 2 to Mesa 1: \"Viene con su familia\". "
                                + "The table they left has no leader now and elects its spokesperson again."),
                told(new ParticipantProfileCorrectedEvent("a", "p1", new ParticipantProfile("Coop", null, null, null, null, null, null, null)),
                        "Se corrigieron los datos de inscripción de una persona (Coop).",
                        "The registration details of a participant (Coop) were corrected."),
                told(new StepPausedEvent("a", Step.NEEDS, NINE),
                        "El paso «necesidades» quedó en pausa: su cuenta regresiva se detuvo.",
                        "The \"needs\" step was paused: its countdown stopped."),
                told(new StepResumedEvent("a", Step.NEEDS, NINE, NINE.plusSeconds(300)),
                        "El paso «necesidades» siguió tras la pausa, con 5 minutos por delante.",
                        "The \"needs\" step resumed after its pause, with 5 minutes to go."),
                told(new StepResumedEvent("a", Step.NEEDS, NINE, NINE.minusSeconds(60)),
                        "El paso «necesidades» siguió tras la pausa, en tiempo extra.",
                        "The \"needs\" step resumed after its pause, in overtime."),
                told(new AgendaApprovedEvent("a", ApprovalMethod.CONSENSUS, null, List.of(ITEM)),
                        "El plenario aprobó por consenso la agenda de 1 punto.",
                        "The plenary approved the agenda of 1 item by consensus."),
                told(new AgendaApprovedEvent("a", ApprovalMethod.VOTE, new VoteCount(9, 2, 1), List.of(ITEM, ITEM)),
                        "El plenario aprobó por votación la agenda de 2 puntos: 9 a favor, 2 en contra, 1 abstención.",
                        "The plenary approved the agenda of 2 items by vote: 9 in favour, 2 against, 1 abstention."),
                told(new AssemblyClosedEvent("a", NINE),
                        "Se cerró la asamblea.",
                        "The assembly was closed."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void everyEventReadsAsItsSentenceInSpanishAndEnglish(String type, Object event, String spanish, String english) {
        HistoryRecord record = HistorySentences.record(new AssemblyEvent("a", 3, NINE, event));

        assertThat(record.type()).isEqualTo(type);
        assertThat(HistorySentences.sentence(record, Locale.forLanguageTag("es"), LABELS, NEEDS))
                .as("%s in Spanish", type).isEqualTo(spanish);
        assertThat(HistorySentences.sentence(record, Locale.ENGLISH, LABELS, NEEDS))
                .as("%s in English", type).isEqualTo(english);
    }

    private static Arguments told(Object event, String spanish, String english) {
        return Arguments.of(event.getClass().getSimpleName(), event, spanish, english);
    }

    @Test
    void aMoveSaysWhatTheTableLeftBehindMustChooseAgain() {
        assertThat(english(new ParticipantMovedEvent("a", "p1", "t2", "t1", "Viene con su familia", true, true)))
                .isEqualTo("A participant moved from t2 to Mesa 1: \"Viene con su familia\". "
                        + "The table they left has no leader now and elects its spokesperson again.");
    }

    @Test
    void aStepsTimeChangeSaysHowManyMinutesMoreOrFewer() {
        assertThat(english(new StepTimeChangedEvent("a", Step.NEEDS, 5, NINE.plusSeconds(900), NINE)))
                .isEqualTo("The \"needs\" step was given 5 more minutes.");
        assertThat(english(new StepTimeChangedEvent("a", Step.NEEDS, -3, NINE.plusSeconds(600), NINE)))
                .isEqualTo("The \"needs\" step was given 3 fewer minutes.");
    }

    @Test
    void anAgendaOfOneItemIsNotAnAgendaOfOneItems() {
        assertThat(english(new AgendaApprovedEvent("a", ApprovalMethod.CONSENSUS, null, List.of(ITEM))))
                .isEqualTo("The plenary approved the agenda of 1 item by consensus.");
        assertThat(english(new AgendaApprovedEvent("a", ApprovalMethod.CONSENSUS, null, List.of(ITEM, ITEM))))
                .isEqualTo("The plenary approved the agenda of 2 items by consensus.");
    }

    /** Each count is 0, 1 and 2 once: only one abstention is singular ("a favor", "en contra", "against" do not change). */
    @ParameterizedTest(name = "{0} in favour, {1} against, {2} abstentions")
    @CsvSource(delimiter = '|', value = {
            "0 | 1 | 2 | 0 a favor, 1 en contra, 2 abstenciones | 0 in favour, 1 against, 2 abstentions",
            "1 | 2 | 0 | 1 a favor, 2 en contra, 0 abstenciones | 1 in favour, 2 against, 0 abstentions",
            "2 | 0 | 1 | 2 a favor, 0 en contra, 1 abstención   | 2 in favour, 0 against, 1 abstention"})
    void aVoteTellsEachCountInItsPlural(int inFavor, int against, int abstentions, String spanish, String english) {
        AgendaApprovedEvent approved = new AgendaApprovedEvent("a", ApprovalMethod.VOTE, new VoteCount(inFavor, against, abstentions),
                List.of(ITEM, ITEM));

        assertThat(spanish(approved)).isEqualTo("El plenario aprobó por votación la agenda de 2 puntos: " + spanish + ".");
        assertThat(english(approved)).isEqualTo("The plenary approved the agenda of 2 items by vote: " + english + ".");
    }

    /** Records stored before counts were marked as numbers carry plain digits; they read in the same plural. */
    @Test
    void aVoteStoredWithPlainDigitsTellsItsCountsInTheirPlural() {
        HistoryRecord stored = new HistoryRecord("a", 3, NINE, "AgendaApprovedEvent", "AgendaApprovedEvent.vote",
                List.of("#2", "9", "2", "1"), null, null, null);

        assertThat(HistorySentences.sentence(stored, Locale.forLanguageTag("es"), Map.of()))
                .isEqualTo("El plenario aprobó por votación la agenda de 2 puntos: 9 a favor, 2 en contra, 1 abstención.");
        assertThat(HistorySentences.sentence(stored, Locale.ENGLISH, Map.of()))
                .isEqualTo("The plenary approved the agenda of 2 items by vote: 9 in favour, 2 against, 1 abstention.");
    }

    @Test
    void tablesAreToldByTheirLabelAndWhatPeopleWroteAsWritten() {
        assertThat(english(new NeedPieceAddedEvent("a", "t1", "credit", "n1", "#1 @priority %t1 =yes")))
                .isEqualTo("Mesa 1 wrote the need \"#1 @priority %t1 =yes\".");
        assertThat(english(new SolutionAttachedEvent("a", "t1", "n1", "Fondo", List.of())))
                .isEqualTo("Mesa 1 proposed the solution \"Fondo\".");
    }

    @Test
    void peopleAreNeverToldByTheirIds() {
        assertThat(english(new SpokespersonElectedEvent("a", "t1", "p1"))).isEqualTo("Mesa 1 elected its spokesperson.");
        assertThat(spanish(new SpokespersonElectedEvent("a", "t1", "p1"))).isEqualTo("Mesa 1 eligió su vocería.");
        assertThat(spanish(new TableLeaderAssignedEvent("a", "t1", "p1"))).isEqualTo("Se designó quien dirige Mesa 1.");
        assertThat(spanish(new LateParticipantSeatedEvent("a", "p2", "t1"))).isEqualTo("Una persona llegó tarde y se sentó en Mesa 1.");
        assertThat(spanish(new ParticipantRegisteredEvent("a", "p1", new ParticipantProfile("Coop", null, null, null, null, null, null, null))))
                .isEqualTo("Se inscribió una persona (Coop).");
    }

    @Test
    void aWithdrawnNeedIsToldByItsTextAndWithoutItWhenTheHistoryDoesNotHoldIt() {
        HistoryRecord withdrawn = HistorySentences.record(new AssemblyEvent("a", 3, NINE, new NeedPieceWithdrawnEvent("a", "t1", "n1")));

        assertThat(HistorySentences.sentence(withdrawn, Locale.forLanguageTag("es"), Map.of("t1", "Mesa 1"), Map.of("n1", "Camino rural")))
                .isEqualTo("Mesa 1 retiró la necesidad «Camino rural».");
        assertThat(HistorySentences.sentence(withdrawn, Locale.ENGLISH, Map.of("t1", "Mesa 1"), Map.of()))
                .isEqualTo("Mesa 1 withdrew a need.");
    }

    /** Records stored before this change carry the withdrawn piece's bare id; they read the same. */
    @Test
    void aWithdrawalStoredWithTheBarePieceIdIsToldByItsText() {
        HistoryRecord stored = new HistoryRecord("a", 3, NINE, "NeedPieceWithdrawnEvent", "NeedPieceWithdrawnEvent",
                List.of("%t1", "3500e0de-91a4"), "t1", "3500e0de-91a4", null);

        assertThat(HistorySentences.sentence(stored, Locale.forLanguageTag("es"), Map.of("t1", "Mesa 1"),
                Map.of("3500e0de-91a4", "Camino rural intransitable")))
                .isEqualTo("Mesa 1 retiró la necesidad «Camino rural intransitable».");
    }

    private static String spanish(Object event) {
        return HistorySentences.sentence(HistorySentences.record(new AssemblyEvent("a", 3, NINE, event)), Locale.forLanguageTag("es"),
                Map.of("t1", "Mesa 1"));
    }

    private static String english(Object event) {
        return HistorySentences.sentence(HistorySentences.record(new AssemblyEvent("a", 3, NINE, event)), Locale.ENGLISH,
                Map.of("t1", "Mesa 1"));
    }
}
