package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.DURING_2025;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.TABLE_2;
import static org.minga.assembly.command.AssemblyTestData.needAdded;
import static org.minga.assembly.command.AssemblyTestData.opened;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.solutionAttached;
import static org.minga.assembly.command.AssemblyTestData.workPlanSet;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AttachSolutionCommand;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.SetWorkPlanCommand;
import org.minga.assembly.api.SolutionAttachedEvent;
import org.minga.assembly.api.SolutionRevisedEvent;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.WorkPlanRevisedEvent;
import org.minga.assembly.api.WorkPlanSetEvent;

class SolutionsAndWorkPlansTest {

    private static final String FUND = "Fondo rotatorio entre cooperativas";
    private static final List<String> ESPERANZA = List.of("Cooperativa La Esperanza");

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    private static List<Object> needWritten(Object... more) {
        List<Object> events = seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", "Crédito para mujeres rurales"));
        events.addAll(List.of(more));
        return events;
    }

    @Nested
    class AttachingSolutions {

        @Test
        void attachesASolutionWithTheOrganisationsThatCooperate() {
            fixture.given(needWritten(opened(Step.SOLUTIONS)))
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", FUND,
                            List.of("Cooperativa La Esperanza", " cooperativa la esperanza", "Banco Comunal", "")))
                    .expectEvents(new SolutionAttachedEvent(ASSEMBLY, TABLE_1, "n1", FUND,
                            List.of("Cooperativa La Esperanza", "Banco Comunal")));
        }

        @Test
        void attachingTheSameSolutionAgainAppendsNothing() {
            fixture.given(needWritten(opened(Step.SOLUTIONS), solutionAttached(TABLE_1, "n1", FUND)))
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", FUND, ESPERANZA))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aNeedKeepsOneSolutionAttachingAnotherRevisesIt() {
            fixture.given(needWritten(opened(Step.SOLUTIONS), solutionAttached(TABLE_1, "n1", FUND)))
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", "Banco comunitario", ESPERANZA))
                    .expectEvents(new SolutionRevisedEvent(ASSEMBLY, TABLE_1, "n1", "Banco comunitario", ESPERANZA));
        }

        @Test
        void cannotAttachASolutionOutsideTheSolutionsStep() {
            fixture.given(needWritten())
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", FUND, ESPERANZA))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }

        @Test
        void cannotAttachASolutionToAWithdrawnNeed() {
            fixture.given(needWritten(new NeedPieceWithdrawnEvent(ASSEMBLY, TABLE_1, "n1"), opened(Step.SOLUTIONS)))
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", FUND, ESPERANZA))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PIECE_WITHDRAWN));
        }

        @Test
        void cannotAttachASolutionToAnotherTablesNeed() {
            fixture.given(needWritten(opened(Step.SOLUTIONS)))
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_2, "n1", FUND, ESPERANZA))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PIECE_UNKNOWN));
        }

        @Test
        void cannotAttachAnEmptySolution() {
            fixture.given(needWritten(opened(Step.SOLUTIONS)))
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", null, ESPERANZA))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }

        @Test
        void cannotNameMoreThanTwentyCooperatingOrganisations() {
            List<String> many = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "Organización " + i).toList();
            fixture.given(needWritten(opened(Step.SOLUTIONS)))
                    .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", FUND, many))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.LIST_TOO_LONG));
        }
    }

    @Nested
    class SettingWorkPlans {

        private List<Object> solutionAttachedAndWorkPlanOpen(Object... more) {
            List<Object> events = needWritten(opened(Step.SOLUTIONS), solutionAttached(TABLE_1, "n1", FUND),
                    opened(Step.WORK_PLAN));
            events.addAll(List.of(more));
            return events;
        }

        @Test
        void plansWhoCarriesOutTheSolutionAndWhen() {
            fixture.given(solutionAttachedAndWorkPlanOpen())
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, DURING_2025))
                    .expectEvents(new WorkPlanSetEvent(ASSEMBLY, TABLE_1, "n1", ESPERANZA, DURING_2025));
        }

        @Test
        void settingTheSamePlanAgainAppendsNothing() {
            fixture.given(solutionAttachedAndWorkPlanOpen(workPlanSet(TABLE_1, "n1")))
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, DURING_2025))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aChangedPlanIsRecordedAsARevision() {
            MonthRange later = new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2026, 6));
            fixture.given(solutionAttachedAndWorkPlanOpen(workPlanSet(TABLE_1, "n1")))
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, later))
                    .expectEvents(new WorkPlanRevisedEvent(ASSEMBLY, TABLE_1, "n1", ESPERANZA, later));
        }

        @Test
        void aWorkPlanNeedsASolution() {
            fixture.given(needWritten(opened(Step.WORK_PLAN)))
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, DURING_2025))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.WORK_PLAN_NEEDS_SOLUTION));
        }

        @Test
        void theMonthsMustFallInsideThePlanningHorizon() {
            MonthRange beyond = new MonthRange(YearMonth.of(2026, 6), YearMonth.of(2027, 3));
            fixture.given(solutionAttachedAndWorkPlanOpen())
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, beyond))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.WORK_PLAN_OUTSIDE_HORIZON));
        }

        @Test
        void cannotPlanToFinishBeforeStarting() {
            MonthRange reversed = new MonthRange(YearMonth.of(2025, 6), YearMonth.of(2025, 3));
            fixture.given(solutionAttachedAndWorkPlanOpen())
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, reversed))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.MONTH_RANGE_REVERSED));
        }

        @Test
        void cannotPlanWithoutSayingWho() {
            fixture.given(solutionAttachedAndWorkPlanOpen())
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", Collections.emptyList(), DURING_2025))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.LIST_EMPTY));
        }

        @Test
        void cannotPlanWithoutSayingWhen() {
            fixture.given(solutionAttachedAndWorkPlanOpen())
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, new MonthRange(YearMonth.of(2025, 1), null)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }

        @Test
        void cannotPlanOutsideTheWorkPlanStep() {
            fixture.given(needWritten(opened(Step.SOLUTIONS), solutionAttached(TABLE_1, "n1", FUND)))
                    .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", ESPERANZA, DURING_2025))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }
    }
}
