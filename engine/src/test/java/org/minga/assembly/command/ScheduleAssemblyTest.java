package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.HORIZON;
import static org.minga.assembly.command.AssemblyTestData.assemblyScheduled;
import static org.minga.assembly.command.AssemblyTestData.scheduleAssembly;
import static org.minga.assembly.command.AssemblyTestData.twoAxes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepTimebox;

class ScheduleAssemblyTest {

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    @Test
    void schedulesAnAssemblyWithTheMethodsDefaultRulesAndTimeboxes() {
        fixture.givenNoPriorActivity()
                .when(scheduleAssembly())
                .expectSuccessfulHandlerExecution()
                .expectEvents(assemblyScheduled());
    }

    @Test
    void normalisesTextsBeforeRecordingThem() {
        // "Salo" + combining acute accent, padded with spaces, becomes the composed "Salón".
        ScheduleAssemblyCommand padded = new ScheduleAssemblyCommand(ASSEMBLY, "  Asamblea del Valle ",
                "Valle del Cauca", "Salo\u0301n comunal", LocalDate.of(2026, 3, 14), HORIZON, " ES ",
                twoAxes(), null, null);
        fixture.givenNoPriorActivity()
                .when(padded)
                .expectEvents(assemblyScheduled());
    }

    @Test
    void keepsTheRulesAndTimeboxesTheFacilitatorChose() {
        ScheduleAssemblyCommand tuned = with(scheduleAssembly(), new AssemblyRules(1, 12),
                List.of(new StepTimebox(Step.NEEDS, 25)));
        AssemblyScheduledEvent expected = assemblyScheduled(new AssemblyRules(1, 12));
        List<StepTimebox> timeboxes = new java.util.ArrayList<>(expected.timeboxes());
        timeboxes.set(0, new StepTimebox(Step.NEEDS, 25));
        fixture.givenNoPriorActivity()
                .when(tuned)
                .expectEvents(new AssemblyScheduledEvent(ASSEMBLY, expected.title(), expected.region(), expected.venue(),
                        expected.date(), expected.horizon(), "es", expected.axes(), expected.rules(), timeboxes));
    }

    @Test
    void schedulingTheSameAssemblyAgainAppendsNothing() {
        fixture.given(assemblyScheduled())
                .when(scheduleAssembly())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRescheduleAnAssemblyWithOtherDetails() {
        ScheduleAssemblyCommand otherTitle = new ScheduleAssemblyCommand(ASSEMBLY, "Otra asamblea", "Valle del Cauca",
                "Salón comunal", LocalDate.of(2026, 3, 14), HORIZON, "es", twoAxes(), null, null);
        fixture.given(assemblyScheduled())
                .when(otherTitle)
                .expectNoEvents()
                .expectException(Refused.with(Refusal.ASSEMBLY_ALREADY_SCHEDULED));
    }

    @Test
    void cannotScheduleWithoutAxes() {
        refuses(withAxes(List.of()), Refusal.LIST_EMPTY);
    }

    @Test
    void cannotScheduleTheSameAxisTwice() {
        AxisDefinition credit = twoAxes().get(0);
        refuses(withAxes(List.of(credit, credit)), Refusal.AXIS_DUPLICATE);
    }

    @Test
    void cannotScheduleAnAxisWithAMalformedId() {
        refuses(withAxes(List.of(new AxisDefinition("crédito rural", "Crédito", null))), Refusal.ID_INVALID);
    }

    @Test
    void cannotScheduleWithoutATitle() {
        refuses(new ScheduleAssemblyCommand(ASSEMBLY, "   ", "Valle", null, LocalDate.of(2026, 3, 14), HORIZON, "es",
                twoAxes(), null, null), Refusal.FIELD_REQUIRED);
    }

    @Test
    void cannotScheduleWithoutADate() {
        refuses(new ScheduleAssemblyCommand(ASSEMBLY, "Asamblea", "Valle", null, null, HORIZON, "es",
                twoAxes(), null, null), Refusal.FIELD_REQUIRED);
    }

    @Test
    void cannotScheduleAHorizonThatEndsBeforeItStarts() {
        MonthRange reversed = new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2024, 12));
        refuses(new ScheduleAssemblyCommand(ASSEMBLY, "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14), reversed,
                "es", twoAxes(), null, null), Refusal.MONTH_RANGE_REVERSED);
    }

    /** K'iche' ships a catalogue (its name only so far): its assemblies read Spanish wherever it has no words. */
    @Test
    void schedulesAnAssemblyInAnyLanguageMingaShipsWordsFor() {
        AssemblyScheduledEvent expected = assemblyScheduled();
        fixture.givenNoPriorActivity()
                .when(new ScheduleAssemblyCommand(ASSEMBLY, expected.title(), expected.region(), expected.venue(), expected.date(),
                        expected.horizon(), "quc", twoAxes(), null, null))
                .expectEvents(new AssemblyScheduledEvent(ASSEMBLY, expected.title(), expected.region(), expected.venue(),
                        expected.date(), expected.horizon(), "quc", expected.axes(), expected.rules(), expected.timeboxes()));
    }

    @Test
    void cannotScheduleInALanguageMingaDoesNotSpeak() {
        refuses(new ScheduleAssemblyCommand(ASSEMBLY, "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14), HORIZON,
                "fr", twoAxes(), null, null), Refusal.LANGUAGE_UNSUPPORTED);
    }

    @Test
    void aLanguageMingaDoesNotSpeakIsRefusedNamingTheOnesItDoes() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleAssemblyCommand(ASSEMBLY, "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14), HORIZON,
                        "fr", twoAxes(), null, null))
                .expectNoEvents()
                .expectExceptionMessage("The language \"fr\" is not available; use one of: en, es, quc.");
    }

    @Test
    void cannotScheduleTablesOfOnePerson() {
        refuses(with(scheduleAssembly(), new AssemblyRules(2, 1), null), Refusal.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void cannotScheduleMoreThanFiveNeedsPerTable() {
        refuses(with(scheduleAssembly(), new AssemblyRules(6, 20), null), Refusal.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void cannotGiveAStepTwoTimeboxes() {
        refuses(with(scheduleAssembly(), null,
                List.of(new StepTimebox(Step.NEEDS, 15), new StepTimebox(Step.NEEDS, 20))), Refusal.STEP_TIMEBOX_DUPLICATE);
    }

    @Test
    void cannotGiveAStepZeroMinutes() {
        refuses(with(scheduleAssembly(), null, List.of(new StepTimebox(Step.PLENARY, 0))), Refusal.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void cannotScheduleWithAMalformedAssemblyId() {
        refuses(new ScheduleAssemblyCommand("valle 2026!", "Asamblea", "Valle", null, LocalDate.of(2026, 3, 14),
                HORIZON, "es", twoAxes(), null, null), Refusal.ID_INVALID);
    }

    private void refuses(ScheduleAssemblyCommand command, Refusal refusal) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(Refused.with(refusal));
    }

    private static ScheduleAssemblyCommand withAxes(List<AxisDefinition> axes) {
        ScheduleAssemblyCommand c = scheduleAssembly();
        return new ScheduleAssemblyCommand(c.assemblyId(), c.title(), c.region(), c.venue(), c.date(), c.horizon(),
                c.language(), axes, c.rules(), c.timeboxes());
    }

    private static ScheduleAssemblyCommand with(ScheduleAssemblyCommand c, AssemblyRules rules, List<StepTimebox> timeboxes) {
        return new ScheduleAssemblyCommand(c.assemblyId(), c.title(), c.region(), c.venue(), c.date(), c.horizon(),
                c.language(), c.axes(), rules, timeboxes);
    }
}
