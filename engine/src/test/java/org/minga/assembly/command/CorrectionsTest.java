package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.TABLE_2;
import static org.minga.assembly.command.AssemblyTestData.assemblyScheduled;
import static org.minga.assembly.command.AssemblyTestData.registered;
import static org.minga.assembly.command.AssemblyTestData.seatedRoom;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.tableOnePinnedAndPlenaryOpen;
import static org.minga.assembly.command.AssemblyTestData.tableOneReadyToPin;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.AgeGroup;
import org.minga.assembly.api.Area;
import org.minga.assembly.api.ChangeStepTimeCommand;
import org.minga.assembly.api.CorrectParticipantProfileCommand;
import org.minga.assembly.api.Gender;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.MoveParticipantCommand;
import org.minga.assembly.api.PauseStepCommand;
import org.minga.assembly.api.ResumeStepCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepPausedEvent;
import org.minga.assembly.api.StepResumedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.TableLeaderAssignedEvent;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.UnpinTablePuzzleCommand;

/** Corrections during the day are events the audit shows, never erasures, and none after the agenda is approved. */
class CorrectionsTest {

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    private static List<Object> with(List<Object> events, Object... more) {
        events.addAll(List.of(more));
        return events;
    }

    private static List<Object> tableOnePinned() {
        return with(tableOneReadyToPin(), new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
    }

    @Nested
    class Unpinning {

        @Test
        void aPinnedTableComesOffTheBoardWithTheReasonAndCanPinAgain() {
            fixture.given(tableOnePinned())
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_1, "Fijó antes de revisar el plan"))
                    .expectEvents(new TablePuzzleUnpinnedEvent(ASSEMBLY, TABLE_1, "Fijó antes de revisar el plan"));
            fixture.given(with(tableOnePinned(), new TablePuzzleUnpinnedEvent(ASSEMBLY, TABLE_1, "revisar")))
                    .when(new PinTablePuzzleCommand(ASSEMBLY, TABLE_1))
                    .expectEvents(new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
        }

        @Test
        void aReasonIsRequired() {
            fixture.given(tableOnePinned())
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_1, "  "))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }

        @Test
        void aTableNotPinnedHasNothingToUnpin() {
            fixture.given(tableOnePinned())
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_2, "error"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_NOT_PINNED));
        }

        @Test
        void anApprovedAgendaKeepsItsPuzzles() {
            List<Object> approved = tableOnePinnedAndPlenaryOpen();
            approved.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of()));
            fixture.given(approved)
                    .when(new UnpinTablePuzzleCommand(ASSEMBLY, TABLE_1, "error"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }
    }

    @Nested
    class MovingAPerson {

        @Test
        void aSeatedPersonMovesToAnotherTableWithOrWithoutAReason() {
            fixture.given(seatedRoom())
                    .when(new MoveParticipantCommand(ASSEMBLY, "p1", TABLE_2, "Viene con su familia"))
                    .expectEvents(new ParticipantMovedEvent(ASSEMBLY, "p1", TABLE_1, TABLE_2, "Viene con su familia", false, false));
            fixture.given(seatedRoom())
                    .when(new MoveParticipantCommand(ASSEMBLY, "p1", TABLE_2, null))
                    .expectEvents(new ParticipantMovedEvent(ASSEMBLY, "p1", TABLE_1, TABLE_2, null, false, false));
        }

        @Test
        void theTableTheLeaderOrSpokespersonLeavesChoosesAgain() {
            fixture.given(seatedRoomWith(new TableLeaderAssignedEvent(ASSEMBLY, TABLE_1, "p1"),
                            new SpokespersonElectedEvent(ASSEMBLY, TABLE_1, "p1")))
                    .when(new MoveParticipantCommand(ASSEMBLY, "p1", TABLE_2, null))
                    .expectEvents(new ParticipantMovedEvent(ASSEMBLY, "p1", TABLE_1, TABLE_2, null, true, true));
            // Moved away, p1 is no longer a member of Mesa 1: the table cannot make them its leader again.
            fixture.given(seatedRoomWith(new ParticipantMovedEvent(ASSEMBLY, "p1", TABLE_1, TABLE_2, null, false, false)))
                    .when(new org.minga.assembly.api.AssignTableLeaderCommand(ASSEMBLY, TABLE_1, "p1"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_LEADER_NOT_MEMBER));
        }

        @Test
        void theSpokespersonOfAPinnedPuzzleStaysUntilItIsUnpinned() {
            fixture.given(tableOnePinned())
                    .when(new MoveParticipantCommand(ASSEMBLY, "p2", TABLE_2, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_SPOKESPERSON_PINNED));
            fixture.given(with(tableOnePinned(), new TablePuzzleUnpinnedEvent(ASSEMBLY, TABLE_1, "cambio")))
                    .when(new MoveParticipantCommand(ASSEMBLY, "p2", TABLE_2, null))
                    .expectEvents(new ParticipantMovedEvent(ASSEMBLY, "p2", TABLE_1, TABLE_2, null, false, true));
        }

        @Test
        void refusedForTheSameTableAPersonNotSeatedOrAnUnknownTable() {
            fixture.given(seatedRoom())
                    .when(new MoveParticipantCommand(ASSEMBLY, "p1", TABLE_1, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_ALREADY_AT_TABLE));
            fixture.given(with(seatedRoom(), registered("p5", "Red de Emprendedores")))
                    .when(new MoveParticipantCommand(ASSEMBLY, "p5", TABLE_1, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_NOT_SEATED));
            fixture.given(assemblyScheduled(), registered("p1", "Coop"))
                    .when(new MoveParticipantCommand(ASSEMBLY, "p1", TABLE_1, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_UNKNOWN));
            fixture.given(seatedRoom())
                    .when(new MoveParticipantCommand(ASSEMBLY, "p1", "t9", null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_UNKNOWN));
            fixture.given(seatedRoom())
                    .when(new MoveParticipantCommand(ASSEMBLY, "p1", null, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }

        @Test
        void anApprovedAgendaKeepsEveryoneWhereTheySat() {
            List<Object> approved = tableOnePinnedAndPlenaryOpen();
            approved.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of()));
            fixture.given(approved)
                    .when(new MoveParticipantCommand(ASSEMBLY, "p3", TABLE_1, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }
    }

    @Nested
    class PausingTheStep {

        private static final StepOpenedEvent NEEDS_FOR_20 = new StepOpenedEvent(ASSEMBLY, Step.NEEDS, NINE_AM, NINE_AM.plusSeconds(20 * 60));
        private static final StepPausedEvent PAUSED_AT_5 = new StepPausedEvent(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(5 * 60));

        @Test
        void resumingKeepsTheTimeLeftWhenPaused() {
            fixture.given(assemblyScheduled(), NEEDS_FOR_20)
                    .when(new PauseStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(5 * 60)))
                    .expectEvents(PAUSED_AT_5);
            // Paused with 15 minutes left at 9:05, resumed at 9:30: the step ends at 9:45.
            fixture.given(assemblyScheduled(), NEEDS_FOR_20, PAUSED_AT_5)
                    .when(new ResumeStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(30 * 60)))
                    .expectEvents(new StepResumedEvent(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(30 * 60), NINE_AM.plusSeconds(45 * 60)));
        }

        @Test
        void lessTimeWhilePausedEndsNoEarlierThanThePause() {
            fixture.given(assemblyScheduled(), NEEDS_FOR_20, PAUSED_AT_5)
                    .when(new ChangeStepTimeCommand(ASSEMBLY, Step.NEEDS, -30, NINE_AM.plusSeconds(10 * 60)))
                    .expectEvents(new StepTimeChangedEvent(ASSEMBLY, Step.NEEDS, -30, NINE_AM.plusSeconds(5 * 60), NINE_AM.plusSeconds(10 * 60)));
        }

        @Test
        void pausedTwiceOrResumedWhileRunningIsRefused() {
            fixture.given(assemblyScheduled(), NEEDS_FOR_20, PAUSED_AT_5)
                    .when(new PauseStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(6 * 60)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_PAUSED));
            fixture.given(assemblyScheduled(), NEEDS_FOR_20)
                    .when(new ResumeStepCommand(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(6 * 60)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_NOT_PAUSED));
            // A step opened again after a paused one closed starts running.
            fixture.given(assemblyScheduled(), NEEDS_FOR_20, PAUSED_AT_5, new StepClosedEvent(ASSEMBLY, Step.NEEDS, NINE_AM.plusSeconds(6 * 60)),
                            new StepOpenedEvent(ASSEMBLY, Step.SOLUTIONS, NINE_AM.plusSeconds(6 * 60), NINE_AM.plusSeconds(21 * 60)))
                    .when(new ResumeStepCommand(ASSEMBLY, Step.SOLUTIONS, NINE_AM.plusSeconds(7 * 60)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_NOT_PAUSED));
        }

        @Test
        void onlyTheOpenStepPausesAndNotOnceTheAgendaIsApproved() {
            fixture.given(assemblyScheduled(), NEEDS_FOR_20)
                    .when(new PauseStepCommand(ASSEMBLY, Step.SOLUTIONS, NINE_AM.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_NOT_OPEN));
            List<Object> approved = tableOnePinnedAndPlenaryOpen();
            approved.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of()));
            fixture.given(approved)
                    .when(new PauseStepCommand(ASSEMBLY, Step.PLENARY, NINE_AM.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }
    }

    @Nested
    class CorrectingARegistration {

        private static final ParticipantProfile CORRECTED = new ParticipantProfile("Cooperativa La Esperanza", "cooperativa",
                "agricultura", Gender.MALE, AgeGroup.FROM_18_TO_29, "Buga", Area.URBAN, null);

        @Test
        void theAttributesAreCorrectedAsAnEventAndTheSameAgainAppendsNothing() {
            fixture.given(seatedRoom())
                    .when(new CorrectParticipantProfileCommand(ASSEMBLY, "p1", CORRECTED))
                    .expectEvents(new ParticipantProfileCorrectedEvent(ASSEMBLY, "p1", CORRECTED));
            fixture.given(with(seatedRoom(), new ParticipantProfileCorrectedEvent(ASSEMBLY, "p1", CORRECTED)))
                    .when(new CorrectParticipantProfileCommand(ASSEMBLY, "p1", CORRECTED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theFormsRulesStillHold() {
            fixture.given(seatedRoom())
                    .when(new CorrectParticipantProfileCommand(ASSEMBLY, "p1", new ParticipantProfile(" ", null, null, null, null, null, null, null)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
            fixture.given(seatedRoom())
                    .when(new CorrectParticipantProfileCommand(ASSEMBLY, "p1",
                            new ParticipantProfile("Coop", null, null, null, null, null, null, "no-such-axis")))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AXIS_UNKNOWN));
            fixture.given(seatedRoom())
                    .when(new CorrectParticipantProfileCommand(ASSEMBLY, "p9", CORRECTED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PARTICIPANT_UNKNOWN));
        }

        @Test
        void theFiguresApprovedWithTheAgendaStay() {
            List<Object> approved = tableOnePinnedAndPlenaryOpen();
            approved.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of()));
            fixture.given(approved)
                    .when(new CorrectParticipantProfileCommand(ASSEMBLY, "p1", CORRECTED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }
    }
}
