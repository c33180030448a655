package org.minga.assembly.command;

import static org.minga.assembly.command.AssemblyTestData.HORIZON;
import static org.minga.assembly.command.AssemblyTestData.NINE_AM;
import static org.minga.assembly.command.AssemblyTestData.profile;
import static org.minga.assembly.command.AssemblyTestData.referenceAxes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.ApproveAgendaCommand;
import org.minga.assembly.api.AssignTableLeaderCommand;
import org.minga.assembly.api.AttachSolutionCommand;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.ElectSpokespersonCommand;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.ReviseNeedPieceCommand;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.SetWorkPlanCommand;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.VoteCount;
import org.minga.assembly.api.WithdrawNeedPieceCommand;

/** The reference assembly end to end: five axes, ten people, five tables, from scheduling to the approved agenda. */
class WholeAssemblyTest {

    private static final String ASSEMBLY = "cauca-2026";

    @Test
    void runsAWholeAssemblyFromSchedulingToApproval() {
        FixtureConfiguration<Assembly> fixture = new AggregateTestFixture<>(Assembly.class);
        List<AxisDefinition> axes = referenceAxes();
        List<Object> commands = new ArrayList<>();
        commands.add(new ScheduleAssemblyCommand(ASSEMBLY, "Asamblea de economía solidaria", "Cauca", "Coliseo",
                LocalDate.of(2026, 3, 14), HORIZON, "es", axes, null, null));
        for (int i = 1; i <= 10; i++) {
            String axis = axes.get((i - 1) / 2).axisId();
            commands.add(new RegisterParticipantCommand(ASSEMBLY, "p" + i, profile("Organización " + i, axis)));
        }
        commands.add(new SplitIntoTablesCommand(ASSEMBLY, null));
        commands.add(new AssignTableLeaderCommand(ASSEMBLY, "t1", "p1"));

        Instant at = NINE_AM;
        commands.add(new OpenStepCommand(ASSEMBLY, Step.NEEDS, at, null));
        for (int t = 1; t <= 5; t++) {
            commands.add(new AddNeedPieceCommand(ASSEMBLY, "t" + t, "need-" + t, "Necesidad de la mesa " + t));
        }
        commands.add(new AddNeedPieceCommand(ASSEMBLY, "t1", "need-1b", "Una segunda idea"));
        commands.add(new WithdrawNeedPieceCommand(ASSEMBLY, "t1", "need-1b"));
        commands.add(new ReviseNeedPieceCommand(ASSEMBLY, "t1", "need-1", "Redes entre cooperativas del valle"));

        commands.add(new OpenStepCommand(ASSEMBLY, Step.SOLUTIONS, at = at.plusSeconds(900), null));
        for (int t = 1; t <= 5; t++) {
            commands.add(new AttachSolutionCommand(ASSEMBLY, "t" + t, "need-" + t, "Solución de la mesa " + t,
                    List.of("Organización " + (2 * t - 1), "Organización " + (2 * t))));
        }
        commands.add(new OpenStepCommand(ASSEMBLY, Step.WORK_PLAN, at = at.plusSeconds(900), null));
        MonthRange when = new MonthRange(YearMonth.of(2025, 1), YearMonth.of(2025, 6));
        for (int t = 1; t <= 5; t++) {
            commands.add(new SetWorkPlanCommand(ASSEMBLY, "t" + t, "need-" + t, List.of("Organización " + (2 * t)), when));
        }
        commands.add(new OpenStepCommand(ASSEMBLY, Step.SPOKESPEOPLE, at = at.plusSeconds(1200), null));
        for (int t = 1; t <= 5; t++) {
            commands.add(new ElectSpokespersonCommand(ASSEMBLY, "t" + t, "p" + (2 * t)));
            commands.add(new PinTablePuzzleCommand(ASSEMBLY, "t" + t));
        }
        commands.add(new OpenStepCommand(ASSEMBLY, Step.PLENARY, at.plusSeconds(600), null));

        List<AgendaItem> agenda = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            String need = t == 1 ? "Redes entre cooperativas del valle" : "Necesidad de la mesa " + t;
            agenda.add(new AgendaItem(axes.get(t - 1).axisId(), "t" + t, "need-" + t, need, "Solución de la mesa " + t,
                    List.of("Organización " + (2 * t - 1), "Organización " + (2 * t)),
                    List.of("Organización " + (2 * t)), when, "p" + (2 * t)));
        }
        VoteCount votes = new VoteCount(8, 1, 1);

        fixture.givenCommands(commands)
                .when(new ApproveAgendaCommand(ASSEMBLY, ApprovalMethod.VOTE, votes))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgendaApprovedEvent(ASSEMBLY, ApprovalMethod.VOTE, votes, agenda));
    }
}
