package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.CREDIT;
import static org.minga.assembly.command.AssemblyTestData.DURING_2025;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.TABLE_2;
import static org.minga.assembly.command.AssemblyTestData.opened;
import static org.minga.assembly.command.AssemblyTestData.profile;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.tableOnePinnedAndPlenaryOpen;
import static org.minga.assembly.command.AssemblyTestData.tableOnePinnedTableTwoUnpinnedPlenaryOpen;
import static org.minga.assembly.command.AssemblyTestData.tableOneReadyToPin;

import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.ApproveAgendaCommand;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.CloseAssemblyCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.VoteCount;

class PlenaryAndClosingTest {

    private static final Instant NOON = NINE_AM.plusSeconds(3 * 3600);
    private static final AgendaItem TABLE_ONE_ITEM = new AgendaItem(CREDIT, TABLE_1, "n1",
            "Crédito sin garantías para mujeres rurales", "Fondo rotatorio entre cooperativas",
            List.of("Cooperativa La Esperanza"), List.of("Cooperativa La Esperanza"), DURING_2025, "p2");

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    private static List<Object> approvedByConsensus(Object... more) {
        List<Object> events = tableOnePinnedAndPlenaryOpen();
        events.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of(TABLE_ONE_ITEM)));
        events.addAll(List.of(more));
        return events;
    }

    @Nested
    class ApprovingTheAgenda {

        @Test
        void thePlenaryApprovesByConsensusTheItemsOfPinnedTablesOnly() {
            fixture.given(tableOnePinnedTableTwoUnpinnedPlenaryOpen())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.CONSENSUS, null))
                    .expectEvents(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.CONSENSUS, null, List.of(TABLE_ONE_ITEM)));
        }

        @Test
        void thePlenaryApprovesByACountedVote() {
            VoteCount votes = new VoteCount(2, 1, 1);
            fixture.given(tableOnePinnedAndPlenaryOpen())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, votes))
                    .expectEvents(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.VOTE, votes, List.of(TABLE_ONE_ITEM)));
        }

        @Test
        void aVoteOfMorePeopleThanAreRegisteredIsRefusedAndApprovesNothing() {
            // Four people are registered: 500 in favour is a slip of the keyboard, and approval would freeze it.
            fixture.given(tableOnePinnedAndPlenaryOpen())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, new VoteCount(500, 0, 0)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_VOTE_MORE_THAN_PEOPLE));
            fixture.given(tableOnePinnedAndPlenaryOpen())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, new VoteCount(3, 1, 1)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_VOTE_MORE_THAN_PEOPLE));
        }

        @Test
        void aVoteWithoutMoreVotesInFavourThanAgainstDoesNotApprove() {
            fixture.given(tableOnePinnedAndPlenaryOpen())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, new VoteCount(40, 40, 5)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_VOTE_NOT_CARRIED));
        }

        @Test
        void aVoteNeedsItsCounts() {
            fixture.given(tableOnePinnedAndPlenaryOpen())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }

        @Test
        void votesCannotBeNegative() {
            fixture.given(tableOnePinnedAndPlenaryOpen())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, new VoteCount(10, -1, 0)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.NUMBER_OUT_OF_RANGE));
        }

        @Test
        void approvalNeedsThePlenaryOpen() {
            List<Object> pinnedNoPlenary = tableOneReadyToPin();
            pinnedNoPlenary.add(new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
            fixture.given(pinnedNoPlenary)
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.CONSENSUS, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_PLENARY_NOT_OPEN));
        }

        @Test
        void approvalNeedsAtLeastOnePinnedTable() {
            fixture.given(seatedRoomWith(opened(Step.PLENARY)))
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.CONSENSUS, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_NOTHING_PINNED));
        }

        @Test
        void approvingTheSameWayAgainAppendsNothing() {
            fixture.given(approvedByConsensus())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.CONSENSUS, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anApprovedAgendaIsFrozen() {
            fixture.given(approvedByConsensus())
                    .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, new VoteCount(100, 2, 0)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }

        @Test
        void noPieceChangesOnceTheAgendaIsApproved() {
            fixture.given(approvedByConsensus())
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_2, "n9", "Una idea tardía"))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.AGENDA_APPROVED));
        }
    }

    @Nested
    class ClosingTheAssembly {

        @Test
        void closingClosesTheOpenStepFirst() {
            fixture.given(approvedByConsensus())
                    .when(new CloseAssemblyCommand(ASSEMBLY, NOON))
                    .expectEvents(new StepClosedEvent(ASSEMBLY, Step.PLENARY, NOON),
                            new AssemblyClosedEvent(ASSEMBLY, NOON));
        }

        @Test
        void closingTwiceAppendsNothing() {
            fixture.given(approvedByConsensus(new StepClosedEvent(ASSEMBLY, Step.PLENARY, NOON),
                            new AssemblyClosedEvent(ASSEMBLY, NOON)))
                    .when(new CloseAssemblyCommand(ASSEMBLY, NOON.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aClosedAssemblyAcceptsNoNewParticipants() {
            fixture.given(approvedByConsensus(new AssemblyClosedEvent(ASSEMBLY, NOON)))
                    .when(new RegisterParticipantCommand(ASSEMBLY, "p9", profile("Coop", null)))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.ASSEMBLY_CLOSED));
        }

        @Test
        void cannotCloseWithoutSayingWhen() {
            fixture.given(approvedByConsensus())
                    .when(new CloseAssemblyCommand(ASSEMBLY, null))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.FIELD_REQUIRED));
        }
    }
}
