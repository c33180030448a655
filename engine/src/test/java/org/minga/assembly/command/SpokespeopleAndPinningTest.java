package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.needAdded;
import static org.minga.assembly.command.AssemblyTestData.opened;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.solutionAttached;
import static org.minga.assembly.command.AssemblyTestData.tableOneReadyToPin;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.ElectSpokespersonCommand;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.TablePuzzlePinnedEvent;

class SpokespeopleAndPinningTest {

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    private static List<Object> pinned() {
        List<Object> events = tableOneReadyToPin();
        events.add(new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
        return events;
    }

    @Nested
    class ElectingSpokespeople {

        @Test
        void aTableElectsOneOfItsMembers() {
            fixture.given(seatedRoomWith(opened(Step.SPOKESPEOPLE)))
                    .when(new ElectSpokespersonCommand(ASSEMBLY, TABLE_1, "p1"))
                    .expectEvents(new SpokespersonElectedEvent(ASSEMBLY, TABLE_1, "p1"));
        }

        @Test
        void electingTheSamePersonAgainAppendsNothing() {
            fixture.given(tableOneReadyToPin())
                    .when(new ElectSpokespersonCommand(ASSEMBLY, TABLE_1, "p2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aTableMayChangeItsMindBeforePinning() {
            fixture.given(tableOneReadyToPin())
                    .when(new ElectSpokespersonCommand(ASSEMBLY, TABLE_1, "p1"))
                    .expectEvents(new SpokespersonElectedEvent(ASSEMBLY, TABLE_1, "p1"));
        }

        @Test
        void theSpokespersonSitsAtThatTable() {
            fixture.given(seatedRoomWith(opened(Step.SPOKESPEOPLE)))
                    .when(new ElectSpokespersonCommand(ASSEMBLY, TABLE_1, "p3"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_SPOKESPERSON_NOT_MEMBER));
        }

        @Test
        void cannotElectSomeoneWhoIsNotRegistered() {
            fixture.given(seatedRoomWith(opened(Step.SPOKESPEOPLE)))
                    .when(new ElectSpokespersonCommand(ASSEMBLY, TABLE_1, "p9"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_UNKNOWN));
        }

        @Test
        void cannotElectOutsideTheSpokespeopleStep() {
            fixture.given(seatedRoomWith(opened(Step.WORK_PLAN)))
                    .when(new ElectSpokespersonCommand(ASSEMBLY, TABLE_1, "p1"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }

        @Test
        void cannotChangeTheSpokespersonOfAPinnedTable() {
            fixture.given(pinned())
                    .when(new ElectSpokespersonCommand(ASSEMBLY, TABLE_1, "p1"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_PINNED));
        }
    }

    @Nested
    class Pinning {

        @Test
        void theSpokespersonPinsAFinishedPuzzle() {
            fixture.given(tableOneReadyToPin())
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectEvents(new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
        }

        @Test
        void pinningTwiceAppendsNothing() {
            fixture.given(pinned())
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotPinWithoutASpokesperson() {
            List<Object> noSpokesperson = tableOneReadyToPin();
            noSpokesperson.remove(noSpokesperson.size() - 1);
            fixture.given(noSpokesperson)
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_PIN_NO_SPOKESPERSON));
        }

        @Test
        void cannotPinAPuzzleWithoutNeeds() {
            fixture.given(seatedRoomWith(opened(Step.SPOKESPEOPLE), new SpokespersonElectedEvent(ASSEMBLY, TABLE_1, "p1")))
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_PIN_NO_NEEDS));
        }

        @Test
        void cannotPinWhileANeedLacksItsWorkPlan() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS),
                            needAdded(TABLE_1, "n1", "Crédito para mujeres rurales"),
                            opened(Step.SOLUTIONS),
                            solutionAttached(TABLE_1, "n1", "Fondo rotatorio"),
                            opened(Step.SPOKESPEOPLE),
                            new SpokespersonElectedEvent(ASSEMBLY, TABLE_1, "p1")))
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_PIN_INCOMPLETE));
        }

        @Test
        void cannotPinOutsideTheSpokespeopleStep() {
            List<Object> plenary = tableOneReadyToPin();
            plenary.add(opened(Step.PLENARY));
            fixture.given(plenary)
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }

        @Test
        void cannotPinAnUnknownTable() {
            fixture.given(tableOneReadyToPin())
                    .when(new PinTablePuzzleCommand(ASSEMBLY, "t9"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_UNKNOWN));
        }
    }
}
