package org.minga.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    /** One of every event the engine appends. */
    static List<Object> everyEvent() {
        return List.of(
                new AssemblyScheduledEvent("a", "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14), DURING_2025, "es",
                        List.of(new AxisDefinition("credit", "Crédito", null)), AssemblyRules.DEFAULTS, List.of()),
                new ParticipantRegisteredEvent("a", "p1", new ParticipantProfile("Coop", null, null, null, null, null, null, null)),
                new AssemblySplitIntoTablesEvent("a", 20, List.of(new TableAssignment("t1", "credit", "Mesa 1", List.of("p1")))),
                new LateParticipantSeatedEvent("a", "p2", "t1"),
                new TableLeaderAssignedEvent("a", "t1", "p1"),
                new StepOpenedEvent("a", Step.WORK_PLAN, NINE, NINE.plusSeconds(1200)),
                new StepClosedEvent("a", Step.WORK_PLAN, NINE),
                new StepTimeChangedEvent("a", Step.NEEDS, 5, NINE.plusSeconds(900), NINE),
                new StepTimeChangedEvent("a", Step.NEEDS, -3, NINE.plusSeconds(600), NINE),
                new NeedPieceAddedEvent("a", "t1", "credit", "n1", "Crédito"),
                new NeedPieceRevisedEvent("a", "t1", "n1", "Crédito rural"),
                new NeedPieceWithdrawnEvent("a", "t1", "n1"),
                new SolutionAttachedEvent("a", "t1", "n1", "Fondo", List.of("Coop A", "Coop B")),
                new SolutionRevisedEvent("a", "t1", "n1", "Fondo rotatorio", List.of("Coop A")),
                new WorkPlanSetEvent("a", "t1", "n1", List.of("Coop A"), DURING_2025),
                new WorkPlanRevisedEvent("a", "t1", "n1", List.of("Coop B"), DURING_2025),
                new SpokespersonElectedEvent("a", "t1", "p1"),
                new TablePuzzlePinnedEvent("a", "t1"),
                new TablePuzzleUnpinnedEvent("a", "t1", "Fijó antes de revisar el plan"),
                new ParticipantMovedEvent("a", "p1", "t2", "t1", null, false, false),
                new ParticipantMovedEvent("a", "p1", "t2", "t1", "Viene con su familia", true, true),
                new ParticipantProfileCorrectedEvent("a", "p1", new ParticipantProfile("Coop", null, null, null, null, null, null, null)),
                new StepPausedEvent("a", Step.NEEDS, NINE),
                new StepResumedEvent("a", Step.NEEDS, NINE, NINE.plusSeconds(300)),
                new StepResumedEvent("a", Step.NEEDS, NINE, NINE.minusSeconds(60)),
                new AgendaApprovedEvent("a", ApprovalMethod.CONSENSUS, null, List.of(ITEM)),
                new AgendaApprovedEvent("a", ApprovalMethod.VOTE, new VoteCount(9, 2, 1), List.of(ITEM, ITEM)),
                new AssemblyClosedEvent("a", NINE));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventReadsAsASentenceInSpanishAndEnglish(Object event) {
        HistoryRecord record = HistorySentences.record(new AssemblyEvent("a", 3, NINE, event));

        String spanish = HistorySentences.sentence(record, Locale.forLanguageTag("es"), Map.of("t1", "Mesa 1"));
        String english = HistorySentences.sentence(record, Locale.ENGLISH, Map.of("t1", "Mesa 1"));

        assertThat(record.type()).isEqualTo(event.getClass().getSimpleName());
        assertThat(spanish).doesNotContain("{", "#", "@", "%", "^", " t1", "p1", "p2", "n1").isNotEqualTo(english);
        assertThat(english).doesNotContain("{", "#", "@", "%", "^", " t1", "p1", "p2", "n1");
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
        String one = english(new AgendaApprovedEvent("a", ApprovalMethod.CONSENSUS, null, List.of(ITEM)));
        String two = english(new AgendaApprovedEvent("a", ApprovalMethod.VOTE, new VoteCount(9, 2, 1), List.of(ITEM, ITEM)));

        assertThat(one).isEqualTo("The plenary approved the agenda of 1 item by consensus.");
        assertThat(two).isEqualTo("The plenary approved the agenda of 2 items by vote: 9 in favour, 2 against, 1 abstentions.");
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
