package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.DURING_2025;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.TABLE_2;
import static org.minga.assembly.command.AssemblyTestData.assemblyScheduled;
import static org.minga.assembly.command.AssemblyTestData.needAdded;
import static org.minga.assembly.command.AssemblyTestData.opened;
import static org.minga.assembly.command.AssemblyTestData.profile;
import static org.minga.assembly.command.AssemblyTestData.registered;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.tableOnePinnedTableTwoUnpinnedPlenaryOpen;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.ApproveAgendaCommand;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssignTableLeaderCommand;
import org.minga.assembly.api.AttachSolutionCommand;
import org.minga.assembly.api.ElectSpokespersonCommand;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.ReviseNeedPieceCommand;
import org.minga.assembly.api.SeatLateParticipantCommand;
import org.minga.assembly.api.SetWorkPlanCommand;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.VoteCount;
import org.minga.assembly.api.WithdrawNeedPieceCommand;

/** Once closed, an assembly takes no change; once the agenda is approved, the puzzle takes no change. */
class FrozenAssemblyTest {

    private static final List<String> ORGS = List.of("Banco Comunal");

    private static List<Object> approvedWith(List<Object> events) {
        events.add(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.VOTE, new VoteCount(9, 1, 0), List.of()));
        return events;
    }

    /** Every command that changes an assembly, each with content that would be new. */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("register", new RegisterParticipantCommand(ASSEMBLY, "p9", profile("Coop", null))),
                Arguments.of("seat late", new SeatLateParticipantCommand(ASSEMBLY, "p5", null)),
                Arguments.of("assign leader", new AssignTableLeaderCommand(ASSEMBLY, TABLE_1, "p1")),
                Arguments.of("open step", new OpenStepCommand(ASSEMBLY, Step.SOLUTIONS, NINE_AM, null)),
                Arguments.of("add need", new AddNeedPieceCommand(ASSEMBLY, TABLE_2, "n9", "Otra necesidad")),
                Arguments.of("revise need", new ReviseNeedPieceCommand(ASSEMBLY, TABLE_2, "n2", "Texto nuevo")),
                Arguments.of("withdraw need", new WithdrawNeedPieceCommand(ASSEMBLY, TABLE_2, "n2")),
                Arguments.of("attach solution", new AttachSolutionCommand(ASSEMBLY, TABLE_2, "n2", "Una solución", ORGS)),
                Arguments.of("set work plan", new SetWorkPlanCommand(ASSEMBLY, TABLE_2, "n2", ORGS, DURING_2025)),
                Arguments.of("elect spokesperson", new ElectSpokespersonCommand(ASSEMBLY, TABLE_2, "p3")),
                Arguments.of("pin", new PinTablePuzzleCommand(ASSEMBLY, TABLE_2)),
                Arguments.of("approve", new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.CONSENSUS, null)));
    }

    /** The changes a frozen agenda refuses: the puzzle's pieces, spokespeople, pins and steps. */
    static Stream<Arguments> puzzleChanges() {
        return changes().filter(a -> !List.of("register", "seat late", "assign leader", "approve").contains(a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aClosedAssemblyRefusesEveryChange(String change, Object command) {
        new AggregateTestFixture<>(Assembly.class)
                .given(seatedRoomWith(registered("p5", "Coop"), opened(Step.NEEDS), needAdded(TABLE_2, "n2", "Necesidad"),
                        new StepClosedEvent(ASSEMBLY, Step.NEEDS, NINE_AM), new AssemblyClosedEvent(ASSEMBLY, NINE_AM)))
                .when(command)
                .expectNoEvents()
                .expectException(Refused.with(Refusal.ASSEMBLY_CLOSED));
    }

    @Test
    void aClosedAssemblyIsNotSplit() {
        new AggregateTestFixture<>(Assembly.class)
                .given(assemblyScheduled(), registered("p1", "Coop"), new AssemblyClosedEvent(ASSEMBLY, NINE_AM))
                .when(new SplitIntoTablesCommand(ASSEMBLY, null))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.ASSEMBLY_CLOSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("puzzleChanges")
    void anApprovedAgendaFreezesThePuzzle(String change, Object command) {
        new AggregateTestFixture<>(Assembly.class)
                .given(approvedWith(tableOnePinnedTableTwoUnpinnedPlenaryOpen()))
                .when(command)
                .expectNoEvents()
                .expectException(Refused.with(Refusal.AGENDA_APPROVED));
    }
}
