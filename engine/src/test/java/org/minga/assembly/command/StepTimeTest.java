package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.assemblyScheduled;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.ChangeStepTimeCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;

/**
 * The room needs five more minutes, or finished early: the open step's time moves, as an event
 * the audit sees, never by re-opening it (which changed nothing and answered 200).
 */
class StepTimeTest {

    private static final StepOpenedEvent NEEDS_FOR_20 = new StepOpenedEvent(ASSEMBLY, Step.NEEDS, NINE_AM, NINE_AM.plusSeconds(20 * 60));

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    @Test
    void theOpenStepGetsMoreTimeFromItsDeadlineAndThenLess() {
        fixture.given(assemblyScheduled(), NEEDS_FOR_20,
                        new StepTimeChangedEvent(ASSEMBLY, Step.NEEDS, 5, NINE_AM.plusSeconds(25 * 60), NINE_AM.plusSeconds(600)))
                .when(new ChangeStepTimeCommand(ASSEMBLY, Step.NEEDS, -10, NINE_AM.plusSeconds(660)))
                .expectEvents(new StepTimeChangedEvent(ASSEMBLY, Step.NEEDS, -10, NINE_AM.plusSeconds(15 * 60), NINE_AM.plusSeconds(660)));
    }

    @Test
    void shorteningPastNowEndsTheCountdownNowNotInThePast() {
        fixture.given(assemblyScheduled(), NEEDS_FOR_20)
                .when(new ChangeStepTimeCommand(ASSEMBLY, Step.NEEDS, -30, NINE_AM.plusSeconds(300)))
                .expectEvents(new StepTimeChangedEvent(ASSEMBLY, Step.NEEDS, -30, NINE_AM.plusSeconds(300), NINE_AM.plusSeconds(300)));
    }

    @Test
    void onlyTheRunningStepsTimeMoves() {
        fixture.given(assemblyScheduled(), NEEDS_FOR_20)
                .when(new ChangeStepTimeCommand(ASSEMBLY, Step.SOLUTIONS, 5, NINE_AM.plusSeconds(60)))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.STEP_NOT_OPEN));
        fixture.given(assemblyScheduled(), NEEDS_FOR_20, new StepClosedEvent(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(60)))
                .when(new ChangeStepTimeCommand(ASSEMBLY, Step.NEEDS, 5, NINE_AM.plusSeconds(120)))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.STEP_NOT_OPEN));
    }

    @Test
    void minutesAreRequiredAndBounded() {
        fixture.given(assemblyScheduled(), NEEDS_FOR_20)
                .when(new ChangeStepTimeCommand(ASSEMBLY, Step.NEEDS, null, NINE_AM))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        fixture.given(assemblyScheduled(), NEEDS_FOR_20)
                .when(new ChangeStepTimeCommand(ASSEMBLY, Step.NEEDS, 241, NINE_AM))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.NUMBER_OUT_OF_RANGE));
    }
}
