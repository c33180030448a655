package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.TABLE_2;
import static org.minga.assembly.command.AssemblyTestData.assemblyScheduled;
import static org.minga.assembly.command.AssemblyTestData.needAdded;
import static org.minga.assembly.command.AssemblyTestData.opened;
import static org.minga.assembly.command.AssemblyTestData.seatedRoom;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.tableOnePinnedAndPlenaryOpen;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.ReviseNeedPieceCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.WithdrawNeedPieceCommand;

class NeedPiecesTest {

    private static final String CREDIT_NEED = "Crédito sin garantías para mujeres rurales";

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    @Nested
    class Adding {

        @Test
        void aTableWritesANeedWhileTheNeedsStepIsOpen() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", "  " + CREDIT_NEED + " "))
                    .expectEvents(needAdded(TABLE_1, "n1", CREDIT_NEED));
        }

        @Test
        void cannotWriteANeedBeforeTheNeedsStepOpens() {
            fixture.given(seatedRoom())
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", CREDIT_NEED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }

        @Test
        void cannotWriteANeedDuringTheSolutionsStep() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), opened(Step.SOLUTIONS)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", CREDIT_NEED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }

        @Test
        void cannotAddThirdNeedToTable() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS),
                            needAdded(TABLE_1, "n1", "Primera necesidad"),
                            needAdded(TABLE_1, "n2", "Segunda necesidad")))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n3", "Tercera necesidad"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_NEEDS_LIMIT));
        }

        @Test
        void theLimitIsPerTable() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS),
                            needAdded(TABLE_1, "n1", "Primera necesidad"),
                            needAdded(TABLE_1, "n2", "Segunda necesidad")))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_2, "n3", "Necesidad de otra mesa"))
                    .expectEvents(needAdded(TABLE_2, "n3", "Necesidad de otra mesa"));
        }

        @Test
        void aWithdrawnNeedFreesItsPlace() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS),
                            needAdded(TABLE_1, "n1", "Primera necesidad"),
                            needAdded(TABLE_1, "n2", "Segunda necesidad"),
                            new NeedPieceWithdrawnEvent(ASSEMBLY, TABLE_1, "n1")))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n3", "Otra necesidad"))
                    .expectEvents(needAdded(TABLE_1, "n3", "Otra necesidad"));
        }

        @Test
        void anAssemblyMayAllowOnlyOneNeedPerTable() {
            List<Object> oneNeedRule = seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", "Primera necesidad"));
            oneNeedRule.set(0, assemblyScheduled(new AssemblyRules(1, 20)));
            fixture.given(oneNeedRule)
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n2", "Segunda necesidad"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_NEEDS_LIMIT));
        }

        @Test
        void aPhoneRetryingTheSameNeedAppendsNothingEvenAfterTheStepClosed() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED),
                            new StepClosedEvent(ASSEMBLY, Step.NEEDS, NINE_AM)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", CREDIT_NEED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRetryOfTheFirstTextAfterARevisionAppendsNothing() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED),
                            new NeedPieceRevisedEvent(ASSEMBLY, TABLE_1, "n1", "Crédito para mujeres rurales")))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", CREDIT_NEED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotReuseAPieceIdForAnotherText() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", "Otra cosa"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PIECE_ID_TAKEN));
        }

        @Test
        void cannotReuseAPieceIdAtAnotherTable() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_2, "n1", CREDIT_NEED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PIECE_ID_TAKEN));
        }

        @Test
        void cannotWriteAnEmptyNeed() {
            refusesText(" \u00a0 ", Refusal.FIELD_REQUIRED);
        }

        @Test
        void cannotWriteANeedLongerThan280Characters() {
            refusesText("a".repeat(281), Refusal.TEXT_TOO_LONG);
        }

        @Test
        void aNeedOf280CharactersCountsEmojiAsOneCharacter() {
            String text = "🌱".repeat(280);
            fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", text))
                    .expectEvents(needAdded(TABLE_1, "n1", text));
        }

        @Test
        void cannotWriteANeedWithLineBreaksOrControlCharacters() {
            refusesText("Crédito\nrural", Refusal.TEXT_CONTROL_CHARACTERS);
            refusesText("Crédito\u0000rural", Refusal.TEXT_CONTROL_CHARACTERS);
        }

        @Test
        void cannotWriteANeedThatReadsBackwards() {
            refusesText("Crédito \u202Eelaruran", Refusal.TEXT_CONTROL_CHARACTERS);
        }

        @Test
        void cannotWriteANeedWithAMalformedPieceId() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n 1", CREDIT_NEED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.ID_INVALID));
        }

        @Test
        void cannotWriteANeedForAnUnknownTable() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, "t9", "n1", CREDIT_NEED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_UNKNOWN));
        }

        @Test
        void cannotWriteANeedOnceTheTablesPuzzleIsPinned() {
            List<Object> pinned = tableOnePinnedAndPlenaryOpen();
            pinned.add(opened(Step.NEEDS));
            fixture.given(pinned)
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n9", "Una idea tardía"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TABLE_PINNED));
        }

        @Test
        void cannotWriteANeedOnceTheAgendaIsApproved() {
            List<Object> approved = tableOnePinnedAndPlenaryOpen();
            approved.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of()));
            fixture.given(approved)
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_2, "n9", "Una idea tardía"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }

        @Test
        void cannotWriteANeedOnceTheAssemblyIsClosed() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), new AssemblyClosedEvent(ASSEMBLY, NINE_AM)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", CREDIT_NEED))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.ASSEMBLY_CLOSED));
        }

        private void refusesText(String text, Refusal refusal) {
            fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", text))
                    .expectNoEvents()
                    .expectException(Refused.with(refusal));
        }
    }

    @Nested
    class Revising {

        @Test
        void aTableRewritesItsNeed() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED)))
                    .when(new ReviseNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", "Crédito para mujeres rurales"))
                    .expectEvents(new NeedPieceRevisedEvent(ASSEMBLY, TABLE_1, "n1", "Crédito para mujeres rurales"));
        }

        @Test
        void revisingToTheSameTextAppendsNothing() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED)))
                    .when(new ReviseNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", CREDIT_NEED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotReviseANeedOutsideTheNeedsStep() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED), opened(Step.SOLUTIONS)))
                    .when(new ReviseNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", "Otro texto"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }

        @Test
        void cannotReviseAnotherTablesNeed() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED)))
                    .when(new ReviseNeedPieceCommand(ASSEMBLY, TABLE_2, "n1", "Otro texto"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PIECE_UNKNOWN));
        }

        @Test
        void cannotReviseAWithdrawnNeed() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED),
                            new NeedPieceWithdrawnEvent(ASSEMBLY, TABLE_1, "n1")))
                    .when(new ReviseNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", "Otro texto"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PIECE_WITHDRAWN));
        }

        @Test
        void cannotReviseANeedToAnEmptyText() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED)))
                    .when(new ReviseNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", ""))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void aTableWithdrawsItsNeed() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED)))
                    .when(new WithdrawNeedPieceCommand(ASSEMBLY, TABLE_1, "n1"))
                    .expectEvents(new NeedPieceWithdrawnEvent(ASSEMBLY, TABLE_1, "n1"));
        }

        @Test
        void withdrawingTwiceAppendsNothing() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED),
                            new NeedPieceWithdrawnEvent(ASSEMBLY, TABLE_1, "n1")))
                    .when(new WithdrawNeedPieceCommand(ASSEMBLY, TABLE_1, "n1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotWithdrawANeedOutsideTheNeedsStep() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", CREDIT_NEED),
                            new StepClosedEvent(ASSEMBLY, Step.NEEDS, NINE_AM)))
                    .when(new WithdrawNeedPieceCommand(ASSEMBLY, TABLE_1, "n1"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.STEP_CLOSED));
        }

        @Test
        void cannotWithdrawAPieceThatDoesNotExist() {
            fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                    .when(new WithdrawNeedPieceCommand(ASSEMBLY, TABLE_1, "n1"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.PIECE_UNKNOWN));
        }
    }
}
