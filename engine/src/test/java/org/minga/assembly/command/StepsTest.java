package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.opened;
import static org.minga.assembly.command.AssemblyTestData.seatedRoom;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.tableOnePinnedAndPlenaryOpen;

import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.CloseStepCommand;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;

class StepsTest {

    private static final Instant TEN_AM = NINE_AM.plusSeconds(3600);

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    @Test
    void openingAStepRecordsTheDeadlineOfItsTimebox() {
        fixture.given(seatedRoom())
                .when(new OpenStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM, null))
                .expectEvents(new StepOpenedEvent(ASSEMBLY, Step.NEEDS, NINE_AM, NINE_AM.plusSeconds(15 * 60)));
    }

    @Test
    void theFacilitatorMayGiveAStepOtherMinutes() {
        fixture.given(seatedRoom())
                .when(new OpenStepCommand(ASSEMBLY, Step.WORK_PLAN, NINE_AM, 35))
                .expectEvents(new StepOpenedEvent(ASSEMBLY, Step.WORK_PLAN, NINE_AM, NINE_AM.plusSeconds(35 * 60)));
    }

    @Test
    void openingTheNextStepClosesTheOneThatWasOpen() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                .when(new OpenStepCommand(ASSEMBLY, Step.SOLUTIONS, TEN_AM, null))
                .expectEvents(new StepClosedEvent(ASSEMBLY, Step.NEEDS, TEN_AM),
                        new StepOpenedEvent(ASSEMBLY, Step.SOLUTIONS, TEN_AM, TEN_AM.plusSeconds(15 * 60)));
    }

    @Test
    void theFacilitatorMayReopenAClosedStep() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS), new StepClosedEvent(ASSEMBLY, Step.NEEDS, NINE_AM)))
                .when(new OpenStepCommand(ASSEMBLY, Step.NEEDS, TEN_AM, 5))
                .expectEvents(new StepOpenedEvent(ASSEMBLY, Step.NEEDS, TEN_AM, TEN_AM.plusSeconds(5 * 60)));
    }

    @Test
    void openingTheOpenStepAgainAppendsNothing() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                .when(new OpenStepCommand(ASSEMBLY, Step.NEEDS, TEN_AM, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void openingTheOpenStepAgainWithItsOwnMinutesAppendsNothing() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                .when(new OpenStepCommand(ASSEMBLY, Step.NEEDS, TEN_AM, Step.NEEDS.defaultMinutes()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** Answering 200 and changing nothing told the facilitator the new time was taken. */
    @Test
    void openingTheOpenStepAgainWithOtherMinutesIsRefusedAndPointsToMoreOrLessTime() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                .when(new OpenStepCommand(ASSEMBLY, Step.NEEDS, TEN_AM, Step.NEEDS.defaultMinutes() + 10))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.STEP_ALREADY_OPEN));
    }

    @Test
    void closesTheOpenStep() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                .when(new CloseStepCommand(ASSEMBLY, Step.NEEDS, TEN_AM))
                .expectEvents(new StepClosedEvent(ASSEMBLY, Step.NEEDS, TEN_AM));
    }

    @Test
    void closingAStepThatIsNotOpenAppendsNothing() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                .when(new CloseStepCommand(ASSEMBLY, Step.SOLUTIONS, TEN_AM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotCloseAStepWithoutNamingIt() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                .when(new CloseStepCommand(ASSEMBLY, null, TEN_AM))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.FIELD_REQUIRED));
    }

    @Test
    void cannotOpenAStepForZeroMinutes() {
        fixture.given(seatedRoom())
                .when(new OpenStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM, 0))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.NUMBER_OUT_OF_RANGE));
    }

    @Test
    void cannotOpenAStepWithoutNamingIt() {
        fixture.given(seatedRoom())
                .when(new OpenStepCommand(ASSEMBLY, null, NINE_AM, null))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.FIELD_REQUIRED));
    }

    @Test
    void cannotOpenStepsOnceTheAgendaIsApproved() {
        List<Object> approved = tableOnePinnedAndPlenaryOpen();
        approved.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of()));
        approved.add(new StepClosedEvent(ASSEMBLY, Step.PLENARY, TEN_AM));
        fixture.given(approved)
                .when(new OpenStepCommand(ASSEMBLY, Step.NEEDS, TEN_AM, null))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.AGENDA_APPROVED));
    }
}
