package org.minga.assembly.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.minga.assembly.api.wire.AssemblyRepositoryWiring;
import org.minga.assembly.api.TextRules;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AgendaDraft;
import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.ApproveAgendaCommand;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AssignTableLeaderCommand;
import org.minga.assembly.api.AttachSolutionCommand;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.ChangeStepTimeCommand;
import org.minga.assembly.api.CloseAssemblyCommand;
import org.minga.assembly.api.CorrectParticipantProfileCommand;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.CloseStepCommand;
import org.minga.assembly.api.ElectSpokespersonCommand;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.MoveParticipantCommand;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.PauseStepCommand;
import org.minga.assembly.api.ResumeStepCommand;
import org.minga.assembly.api.StepPausedEvent;
import org.minga.assembly.api.StepResumedEvent;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.ReviseNeedPieceCommand;
import org.minga.assembly.api.RuleViolationException;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.SeatLateParticipantCommand;
import org.minga.assembly.api.SetWorkPlanCommand;
import org.minga.assembly.api.SolutionAttachedEvent;
import org.minga.assembly.api.SolutionRevisedEvent;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;
import org.minga.assembly.api.StepTimebox;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.api.TablesFormed;
import org.minga.assembly.api.TableLeaderAssignedEvent;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.UnknownIdException;
import org.minga.assembly.api.UnpinTablePuzzleCommand;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.VoteCount;
import org.minga.assembly.api.WithdrawNeedPieceCommand;
import org.minga.assembly.api.WorkPlanRevisedEvent;
import org.minga.assembly.api.WorkPlanSetEvent;
import org.minga.assembly.command.NeedPiece.Solution;
import org.minga.assembly.command.NeedPiece.WorkPlan;

/**
 * One assembly, from scheduling to closing: the rules of the method live here. Each command
 * handler has its input cleaned ({@link CommandInput}), returns quietly when the command repeats what
 * already happened (phones retry), checks the rules, then applies; the agenda draft it freezes is
 * {@link org.minga.assembly.api.AgendaDraft}'s. Event-sourcing handlers only assign.
 * Times come on the commands; nothing here reads a clock or draws a random number.
 */
@Aggregate(snapshotTriggerDefinition = AssemblyRepositoryWiring.SNAPSHOT_TRIGGER,
        cache = AssemblyRepositoryWiring.CACHE)
// The snapshot's shape: revision 1 keeps each table's number. Axon skips snapshots of another
// revision (those taken before, without one) and replays the assembly from its events instead.
@Revision("1")
// Snapshots are serialised with Jackson: it reads and writes the fields, not getters.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Assembly {

    @AggregateIdentifier
    private String assemblyId;
    private AssemblyScheduledEvent schedule;
    private Map<String, ParticipantProfile> participants = new LinkedHashMap<>();
    private Map<String, String> seats = new LinkedHashMap<>();
    private Map<String, Table> tables = new LinkedHashMap<>();
    private Integer splitTableSize;
    private Map<String, NeedPiece> pieces = new LinkedHashMap<>();
    private Step openStep;
    /** When the open step's time is up; null in snapshots taken before steps could be given more time. */
    private Instant stepDeadline;
    /** When the open step's countdown was paused; null while it runs. */
    private Instant stepPausedAt;
    /** The minutes the open step was opened with; null in snapshots taken before they were kept. */
    private Integer stepOpenedMinutes;
    private AgendaApprovedEvent approval;
    private boolean closed;

    protected Assembly() {
        // Axon and Jackson build the aggregate from events or a snapshot.
    }

    // ---------------------------------------------------------------- schedule

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleAssemblyCommand command) {
        AssemblyScheduledEvent scheduled = new AssemblyScheduledEvent(
                TextRules.id("assemblyId", command.assemblyId()),
                TextRules.required("title", command.title()),
                TextRules.required("region", command.region()),
                TextRules.optional("venue", command.venue()),
                CommandInput.date("date", command.date()),
                CommandInput.monthRange("horizon", command.horizon()),
                CommandInput.language(command.language()),
                CommandInput.axes(command.axes()),
                CommandInput.rules(command.rules()),
                CommandInput.timeboxes(command.timeboxes()));
        if (schedule != null) {
            if (schedule.equals(scheduled)) {
                return;
            }
            throw new RuleViolationException(Refusal.ASSEMBLY_ALREADY_SCHEDULED, assemblyId);
        }
        apply(scheduled);
    }

    // ---------------------------------------------------------------- people and tables

    @CommandHandler
    void handle(RegisterParticipantCommand command) {
        String participantId = TextRules.id("participantId", command.participantId());
        ParticipantProfile profile = profile(CommandInput.required("profile", command.profile()));
        ParticipantProfile existing = participants.get(participantId);
        if (existing != null) {
            if (existing.equals(profile)) {
                return;
            }
            throw new RuleViolationException(Refusal.PARTICIPANT_ID_TAKEN, participantId);
        }
        requireNotClosed();
        apply(new ParticipantRegisteredEvent(assemblyId, participantId, profile));
    }

    /**
     * Corrects what a person registered with (a typo on the form or in an imported CSV). The same
     * attributes again append nothing; once the agenda is approved the figures reported with it stay.
     */
    @CommandHandler
    void handle(CorrectParticipantProfileCommand command) {
        ParticipantProfile existing = participant("participantId", command.participantId());
        ParticipantProfile profile = profile(CommandInput.required("profile", command.profile()));
        if (existing.equals(profile)) {
            return;
        }
        requireNotClosed();
        requireAgendaOpen();
        apply(new ParticipantProfileCorrectedEvent(assemblyId, command.participantId(), profile));
    }

    /** Answers the tables formed, so the facilitator sees them at once; a repeated split answers the same tables. */
    @CommandHandler
    TablesFormed handle(SplitIntoTablesCommand command) {
        int tableSize = command.tableSize() == null
                ? schedule.rules().tableSize()
                : CommandInput.inRange("tableSize", command.tableSize(), 2, CommandInput.MAX_TABLE_SIZE);
        if (splitTableSize != null) {
            if (splitTableSize == tableSize) {
                return new TablesFormed(tables.values().stream()
                        .map(t -> new TableAssignment(t.tableId(), t.axisId(), t.number(), t.memberIds()))
                        .toList(), schedule.language());
            }
            throw new RuleViolationException(Refusal.TABLES_ALREADY_SPLIT);
        }
        requireNotClosed();
        if (participants.isEmpty()) {
            throw new RuleViolationException(Refusal.TABLES_NOBODY_REGISTERED);
        }
        List<TableSplit.Person> people = participants.entrySet().stream()
                .map(p -> new TableSplit.Person(p.getKey(), p.getValue().organization(), p.getValue().preferredAxisId()))
                .toList();
        List<String> axisIds = schedule.axes().stream().map(AxisDefinition::axisId).toList();
        List<TableAssignment> split = TableSplit.split(axisIds, people, tableSize);
        apply(new AssemblySplitIntoTablesEvent(assemblyId, tableSize, split));
        return new TablesFormed(split, schedule.language());
    }

    /** Answers the table the participant sits at, so the facilitator can tell them where to go. */
    @CommandHandler
    String handle(SeatLateParticipantCommand command) {
        ParticipantProfile profile = participant("participantId", command.participantId());
        String participantId = command.participantId();
        Table requested = command.tableId() == null ? null : table(command.tableId());
        String seatedAt = seats.get(participantId);
        if (seatedAt != null) {
            if (requested == null || requested.tableId().equals(seatedAt)) {
                return seatedAt;
            }
            throw new RuleViolationException(Refusal.PARTICIPANT_ALREADY_SEATED, participantId, tables.get(seatedAt).label());
        }
        requireNotClosed();
        if (tables.isEmpty()) {
            throw new RuleViolationException(Refusal.TABLES_NOT_SPLIT);
        }
        Table table = requested != null ? requested : tableWithRoomFor(profile);
        apply(new LateParticipantSeatedEvent(assemblyId, participantId, table.tableId()));
        return table.tableId();
    }

    @CommandHandler
    void handle(AssignTableLeaderCommand command) {
        Table table = table(command.tableId());
        String participantId = command.participantId();
        participant("participantId", participantId);
        if (participantId.equals(table.leaderId())) {
            return;
        }
        requireNotClosed();
        if (!table.hasMember(participantId)) {
            throw new RuleViolationException(Refusal.TABLE_LEADER_NOT_MEMBER, participantId, table.label());
        }
        apply(new TableLeaderAssignedEvent(assemblyId, table.tableId(), participantId));
    }

    // ---------------------------------------------------------------- steps

    @CommandHandler
    void handle(OpenStepCommand command) {
        Step step = CommandInput.required("step", command.step());
        Instant openedAt = CommandInput.required("openedAt", command.openedAt());
        int minutes = command.minutes() == null
                ? timeboxOf(step)
                : CommandInput.inRange("minutes", command.minutes(), 1, CommandInput.MAX_MINUTES);
        if (step == openStep) {
            // The same request again (a retry) changes nothing; other minutes are a change of time, which extend makes.
            if (command.minutes() != null && stepOpenedMinutes != null && !command.minutes().equals(stepOpenedMinutes)) {
                throw new RuleViolationException(Refusal.STEP_ALREADY_OPEN, step.code(), stepOpenedMinutes);
            }
            return;
        }
        requireNotClosed();
        requireAgendaOpen();
        if (openStep != null) {
            apply(new StepClosedEvent(assemblyId, openStep, openedAt));
        }
        apply(new StepOpenedEvent(assemblyId, step, openedAt, openedAt.plusSeconds(60L * minutes)));
    }

    @CommandHandler
    void handle(ChangeStepTimeCommand command) {
        Step step = CommandInput.required("step", command.step());
        Instant changedAt = CommandInput.required("changedAt", command.changedAt());
        int minutes = CommandInput.inRange("minutes", CommandInput.required("minutes", command.minutes()), -CommandInput.MAX_MINUTES, CommandInput.MAX_MINUTES);
        requireRunning(step);
        if (minutes == 0) {
            return;
        }
        // A paused countdown stands at the moment it was paused: less time ends it there, not earlier.
        Instant now = stepPausedAt == null ? changedAt : stepPausedAt;
        Instant from = stepDeadline == null ? now : stepDeadline;
        Instant deadline = from.plusSeconds(60L * minutes);
        apply(new StepTimeChangedEvent(assemblyId, step, minutes, deadline.isBefore(now) ? now : deadline, changedAt));
    }

    /** The running step's countdown stops (a break, a dispute to settle); tables may go on writing. */
    @CommandHandler
    void handle(PauseStepCommand command) {
        Step step = CommandInput.required("step", command.step());
        Instant pausedAt = CommandInput.required("pausedAt", command.pausedAt());
        requireRunning(step);
        if (stepPausedAt != null) {
            throw new RuleViolationException(Refusal.STEP_PAUSED, step.code());
        }
        apply(new StepPausedEvent(assemblyId, step, pausedAt));
    }

    /** The paused countdown runs again with the time it had left (or the overtime it had run). */
    @CommandHandler
    void handle(ResumeStepCommand command) {
        Step step = CommandInput.required("step", command.step());
        Instant resumedAt = CommandInput.required("resumedAt", command.resumedAt());
        requireRunning(step);
        if (stepPausedAt == null) {
            throw new RuleViolationException(Refusal.STEP_NOT_PAUSED, step.code());
        }
        Instant deadline = stepDeadline == null ? resumedAt : resumedAt.plus(Duration.between(stepPausedAt, stepDeadline));
        apply(new StepResumedEvent(assemblyId, step, resumedAt, deadline));
    }

    @CommandHandler
    void handle(CloseStepCommand command) {
        Step step = CommandInput.required("step", command.step());
        Instant closedAt = CommandInput.required("closedAt", command.closedAt());
        if (step != openStep) {
            return;
        }
        apply(new StepClosedEvent(assemblyId, step, closedAt));
    }

    // ---------------------------------------------------------------- puzzle pieces

    @CommandHandler
    void handle(AddNeedPieceCommand command) {
        Table table = table(command.tableId());
        String pieceId = TextRules.id("pieceId", command.pieceId());
        String text = TextRules.required("text", command.text());
        NeedPiece existing = pieces.get(pieceId);
        if (existing != null) {
            if (existing.tableId().equals(table.tableId()) && existing.firstText().equals(text)) {
                return;
            }
            throw new RuleViolationException(Refusal.PIECE_ID_TAKEN, pieceId);
        }
        requireTableCanChange(table, Step.NEEDS);
        MaxNeedsPerTable.check(table, piecesOf(table), schedule.rules().maxNeedsPerTable());
        apply(new NeedPieceAddedEvent(assemblyId, table.tableId(), table.axisId(), pieceId, text));
    }

    @CommandHandler
    void handle(ReviseNeedPieceCommand command) {
        Table table = table(command.tableId());
        NeedPiece piece = liveNeed(table, command.pieceId());
        String text = TextRules.required("text", command.text());
        if (piece.text().equals(text)) {
            return;
        }
        requireTableCanChange(table, Step.NEEDS);
        apply(new NeedPieceRevisedEvent(assemblyId, table.tableId(), piece.pieceId(), text));
    }

    @CommandHandler
    void handle(WithdrawNeedPieceCommand command) {
        Table table = table(command.tableId());
        NeedPiece piece = need(table, command.pieceId());
        if (piece.withdrawn()) {
            return;
        }
        requireTableCanChange(table, Step.NEEDS);
        apply(new NeedPieceWithdrawnEvent(assemblyId, table.tableId(), piece.pieceId()));
    }

    @CommandHandler
    void handle(AttachSolutionCommand command) {
        Table table = table(command.tableId());
        NeedPiece piece = liveNeed(table, command.pieceId());
        Solution solution = new Solution(
                TextRules.required("text", command.text()),
                TextRules.list("cooperatingOrganizations", command.cooperatingOrganizations(), CommandInput.MAX_LIST_ENTRIES, false));
        if (solution.equals(piece.solution())) {
            return;
        }
        requireTableCanChange(table, Step.SOLUTIONS);
        if (piece.solution() == null) {
            apply(new SolutionAttachedEvent(assemblyId, table.tableId(), piece.pieceId(),
                    solution.text(), solution.cooperatingOrganizations()));
        } else {
            apply(new SolutionRevisedEvent(assemblyId, table.tableId(), piece.pieceId(),
                    solution.text(), solution.cooperatingOrganizations()));
        }
    }

    @CommandHandler
    void handle(SetWorkPlanCommand command) {
        Table table = table(command.tableId());
        NeedPiece piece = liveNeed(table, command.pieceId());
        WorkPlan plan = new WorkPlan(
                TextRules.list("who", command.who(), CommandInput.MAX_LIST_ENTRIES, true),
                CommandInput.monthRange("when", command.when()));
        if (plan.equals(piece.workPlan())) {
            return;
        }
        requireTableCanChange(table, Step.WORK_PLAN);
        if (piece.solution() == null) {
            throw new RuleViolationException(Refusal.WORK_PLAN_NEEDS_SOLUTION, piece.text());
        }
        if (!schedule.horizon().contains(plan.when())) {
            throw new RuleViolationException(Refusal.WORK_PLAN_OUTSIDE_HORIZON, plan.when(), schedule.horizon());
        }
        if (piece.workPlan() == null) {
            apply(new WorkPlanSetEvent(assemblyId, table.tableId(), piece.pieceId(), plan.who(), plan.when()));
        } else {
            apply(new WorkPlanRevisedEvent(assemblyId, table.tableId(), piece.pieceId(), plan.who(), plan.when()));
        }
    }

    @CommandHandler
    void handle(ElectSpokespersonCommand command) {
        Table table = table(command.tableId());
        String participantId = command.participantId();
        participant("participantId", participantId);
        if (participantId.equals(table.spokespersonId())) {
            return;
        }
        requireTableCanChange(table, Step.SPOKESPEOPLE);
        if (!table.hasMember(participantId)) {
            throw new RuleViolationException(Refusal.TABLE_SPOKESPERSON_NOT_MEMBER, participantId, table.label());
        }
        apply(new SpokespersonElectedEvent(assemblyId, table.tableId(), participantId));
    }

    @CommandHandler
    void handle(PinTablePuzzleCommand command) {
        Table table = table(command.tableId());
        if (table.pinned()) {
            return;
        }
        requireTableCanChange(table, Step.SPOKESPEOPLE);
        PinnablePuzzle.check(table, piecesOf(table));
        apply(new TablePuzzlePinnedEvent(assemblyId, table.tableId()));
    }

    // ---------------------------------------------------------------- corrections: events, never erasures

    /** A pinned puzzle comes off the board, with the facilitator's reason, while the agenda is still a draft. */
    @CommandHandler
    void handle(UnpinTablePuzzleCommand command) {
        Table table = table(command.tableId());
        String reason = TextRules.required("reason", command.reason());
        requireNotClosed();
        requireAgendaOpen();
        if (!table.pinned()) {
            throw new RuleViolationException(Refusal.TABLE_NOT_PINNED, table.label());
        }
        apply(new TablePuzzleUnpinnedEvent(assemblyId, table.tableId(), reason));
    }

    /**
     * A seated person changes table. Leading or speaking for the table they leave does not follow them:
     * that table chooses again. The spokesperson of a pinned puzzle stays until it is unpinned, since the
     * agenda draft names them.
     */
    @CommandHandler
    void handle(MoveParticipantCommand command) {
        String participantId = command.participantId();
        participant("participantId", participantId);
        Table to = table(CommandInput.required("tableId", command.tableId()));
        String reason = TextRules.optional("reason", command.reason());
        requireNotClosed();
        requireAgendaOpen();
        String seatedAt = seats.get(participantId);
        if (seatedAt == null) {
            throw new RuleViolationException(Refusal.PARTICIPANT_NOT_SEATED, participantId);
        }
        if (seatedAt.equals(to.tableId())) {
            throw new RuleViolationException(Refusal.PARTICIPANT_ALREADY_AT_TABLE, participantId, to.label());
        }
        Table from = tables.get(seatedAt);
        boolean spokesperson = participantId.equals(from.spokespersonId());
        if (spokesperson && from.pinned()) {
            throw new RuleViolationException(Refusal.PARTICIPANT_SPOKESPERSON_PINNED, participantId, from.label());
        }
        apply(new ParticipantMovedEvent(assemblyId, participantId, from.tableId(), to.tableId(), reason,
                participantId.equals(from.leaderId()), spokesperson));
    }

    // ---------------------------------------------------------------- plenary and closing

    @CommandHandler
    void handle(ApproveAgendaCommand command) {
        ApprovalMethod method = CommandInput.required("method", command.method());
        VoteCount votes = method == ApprovalMethod.VOTE ? CommandInput.votes(CommandInput.required("votes", command.votes())) : null;
        if (approval != null) {
            if (approval.method() == method && Objects.equals(approval.votes(), votes)) {
                return;
            }
            throw new RuleViolationException(Refusal.AGENDA_APPROVED);
        }
        requireNotClosed();
        if (openStep != Step.PLENARY) {
            throw new RuleViolationException(Refusal.AGENDA_PLENARY_NOT_OPEN);
        }
        List<AgendaItem> items = agendaItems();
        if (items.isEmpty()) {
            throw new RuleViolationException(Refusal.AGENDA_NOTHING_PINNED);
        }
        if (votes != null && votes.inFavor() <= votes.against()) {
            throw new RuleViolationException(Refusal.AGENDA_VOTE_NOT_CARRIED, votes.inFavor(), votes.against());
        }
        // A count above the people registered is a slip of the keyboard (500 for 50), and approval freezes it.
        if (votes != null && votes.total() > participants.size()) {
            throw new RuleViolationException(Refusal.AGENDA_VOTE_MORE_THAN_PEOPLE, votes.total(), participants.size());
        }
        apply(new AgendaApprovedEvent(assemblyId, method, votes, items));
    }

    @CommandHandler
    void handle(CloseAssemblyCommand command) {
        Instant closedAt = CommandInput.required("closedAt", command.closedAt());
        if (closed) {
            return;
        }
        if (openStep != null) {
            apply(new StepClosedEvent(assemblyId, openStep, closedAt));
        }
        apply(new AssemblyClosedEvent(assemblyId, closedAt));
    }

    // ---------------------------------------------------------------- event sourcing: assign only

    @EventSourcingHandler
    void on(AssemblyScheduledEvent event) {
        assemblyId = event.assemblyId();
        schedule = event;
    }

    @EventSourcingHandler
    void on(ParticipantRegisteredEvent event) {
        participants.put(event.participantId(), event.profile());
    }

    @EventSourcingHandler
    void on(ParticipantProfileCorrectedEvent event) {
        participants.put(event.participantId(), event.profile());
    }

    @EventSourcingHandler
    void on(AssemblySplitIntoTablesEvent event) {
        splitTableSize = event.tableSize();
        for (TableAssignment assignment : event.tables()) {
            tables.put(assignment.tableId(), new Table(assignment.tableId(), assignment.axisId(), assignment.number(),
                    TableLabels.label(schedule.language(), assignment.number()), assignment.memberIds(), null, null, false));
            assignment.memberIds().forEach(member -> seats.put(member, assignment.tableId()));
        }
    }

    @EventSourcingHandler
    void on(LateParticipantSeatedEvent event) {
        tables.computeIfPresent(event.tableId(), (id, table) -> table.withMember(event.participantId()));
        seats.put(event.participantId(), event.tableId());
    }

    @EventSourcingHandler
    void on(ParticipantMovedEvent event) {
        tables.computeIfPresent(event.fromTableId(), (id, table) -> table.withoutMember(event.participantId()));
        tables.computeIfPresent(event.toTableId(), (id, table) -> table.withMember(event.participantId()));
        seats.put(event.participantId(), event.toTableId());
    }

    @EventSourcingHandler
    void on(TableLeaderAssignedEvent event) {
        tables.computeIfPresent(event.tableId(), (id, table) -> table.withLeader(event.participantId()));
    }

    @EventSourcingHandler
    void on(StepOpenedEvent event) {
        openStep = event.step();
        stepDeadline = event.deadline();
        stepPausedAt = null;
        stepOpenedMinutes = (int) Duration.between(event.openedAt(), event.deadline()).toMinutes();
    }

    @EventSourcingHandler
    void on(StepPausedEvent event) {
        stepPausedAt = event.pausedAt();
    }

    @EventSourcingHandler
    void on(StepResumedEvent event) {
        stepPausedAt = null;
        stepDeadline = event.deadline();
    }

    @EventSourcingHandler
    void on(StepTimeChangedEvent event) {
        stepDeadline = event.deadline();
    }

    @EventSourcingHandler
    void on(StepClosedEvent event) {
        if (event.step() == openStep) {
            openStep = null;
            stepPausedAt = null;
        }
    }

    @EventSourcingHandler
    void on(NeedPieceAddedEvent event) {
        pieces.put(event.pieceId(), NeedPiece.added(event.pieceId(), event.tableId(), event.text()));
    }

    @EventSourcingHandler
    void on(NeedPieceRevisedEvent event) {
        pieces.computeIfPresent(event.pieceId(), (id, piece) -> piece.withText(event.text()));
    }

    @EventSourcingHandler
    void on(NeedPieceWithdrawnEvent event) {
        pieces.computeIfPresent(event.pieceId(), (id, piece) -> piece.asWithdrawn());
    }

    @EventSourcingHandler
    void on(SolutionAttachedEvent event) {
        pieces.computeIfPresent(event.pieceId(),
                (id, piece) -> piece.withSolution(new Solution(event.text(), event.cooperatingOrganizations())));
    }

    @EventSourcingHandler
    void on(SolutionRevisedEvent event) {
        pieces.computeIfPresent(event.pieceId(),
                (id, piece) -> piece.withSolution(new Solution(event.text(), event.cooperatingOrganizations())));
    }

    @EventSourcingHandler
    void on(WorkPlanSetEvent event) {
        pieces.computeIfPresent(event.pieceId(), (id, piece) -> piece.withWorkPlan(new WorkPlan(event.who(), event.when())));
    }

    @EventSourcingHandler
    void on(WorkPlanRevisedEvent event) {
        pieces.computeIfPresent(event.pieceId(), (id, piece) -> piece.withWorkPlan(new WorkPlan(event.who(), event.when())));
    }

    @EventSourcingHandler
    void on(SpokespersonElectedEvent event) {
        tables.computeIfPresent(event.tableId(), (id, table) -> table.withSpokesperson(event.participantId()));
    }

    @EventSourcingHandler
    void on(TablePuzzlePinnedEvent event) {
        tables.computeIfPresent(event.tableId(), (id, table) -> table.asPinned());
    }

    @EventSourcingHandler
    void on(TablePuzzleUnpinnedEvent event) {
        tables.computeIfPresent(event.tableId(), (id, table) -> table.asUnpinned());
    }

    @EventSourcingHandler
    void on(AgendaApprovedEvent event) {
        approval = event;
    }

    @EventSourcingHandler
    void on(AssemblyClosedEvent event) {
        closed = true;
    }

    // ---------------------------------------------------------------- rules shared by the handlers

    private void requireNotClosed() {
        if (closed) {
            throw new RuleViolationException(Refusal.ASSEMBLY_CLOSED);
        }
    }

    private void requireAgendaOpen() {
        if (approval != null) {
            throw new RuleViolationException(Refusal.AGENDA_APPROVED);
        }
    }

    /** Only the open step's time can change, pause or resume, and only before the agenda is frozen. */
    private void requireRunning(Step step) {
        requireNotClosed();
        requireAgendaOpen();
        if (step != openStep) {
            throw new RuleViolationException(Refusal.STEP_NOT_OPEN, step.code());
        }
    }

    /** A table's puzzle changes only before the agenda is frozen, before it is pinned, and while the step is open. */
    private void requireTableCanChange(Table table, Step step) {
        requireNotClosed();
        requireAgendaOpen();
        if (table.pinned()) {
            throw new RuleViolationException(Refusal.TABLE_PINNED, table.label());
        }
        if (openStep != step) {
            throw new RuleViolationException(Refusal.STEP_CLOSED, step.code());
        }
    }

    private Table table(String tableId) {
        Table table = tableId == null ? null : tables.get(tableId);
        if (table == null) {
            throw new UnknownIdException("tableId", Refusal.TABLE_UNKNOWN, String.valueOf(tableId));
        }
        return table;
    }

    private ParticipantProfile participant(String field, String participantId) {
        ParticipantProfile profile = participantId == null ? null : participants.get(participantId);
        if (profile == null) {
            if (participantId == null) {
                throw new InvalidInputException(field, Refusal.FIELD_REQUIRED);
            }
            throw new UnknownIdException(field, Refusal.PARTICIPANT_UNKNOWN, participantId);
        }
        return profile;
    }

    private NeedPiece need(Table table, String pieceId) {
        NeedPiece piece = pieceId == null ? null : pieces.get(pieceId);
        if (piece == null || !piece.tableId().equals(table.tableId())) {
            throw new UnknownIdException("pieceId", Refusal.PIECE_UNKNOWN, String.valueOf(pieceId));
        }
        return piece;
    }

    private NeedPiece liveNeed(Table table, String pieceId) {
        NeedPiece piece = need(table, pieceId);
        if (piece.withdrawn()) {
            throw new RuleViolationException(Refusal.PIECE_WITHDRAWN, piece.text());
        }
        return piece;
    }

    private List<NeedPiece> piecesOf(Table table) {
        return pieces.values().stream().filter(p -> p.tableId().equals(table.tableId())).toList();
    }

    /** Late arrivals go where there is room: their axis first, then the emptiest table, then the first. */
    private Table tableWithRoomFor(ParticipantProfile profile) {
        int tableSize = splitTableSize;
        Comparator<Table> preference = Comparator
                .comparing((Table t) -> !t.axisId().equals(profile.preferredAxisId()))
                .thenComparing(t -> t.memberIds().size());
        Optional<Table> withRoom = tables.values().stream()
                .filter(t -> t.memberIds().size() < tableSize)
                .min(preference);
        return withRoom.orElseThrow(() -> new RuleViolationException(Refusal.TABLES_FULL, tableSize));
    }

    private List<AgendaItem> agendaItems() {
        return AgendaDraft.items(tables.values().stream()
                .map(t -> new AgendaDraft.DraftTable(t.axisId(), t.tableId(), t.spokespersonId(), t.pinned(),
                        piecesOf(t).stream().map(NeedPiece::asDraftNeed).toList()))
                .toList());
    }

    private int timeboxOf(Step step) {
        return schedule.timeboxes().stream()
                .filter(t -> t.step() == step)
                .mapToInt(StepTimebox::minutes)
                .findFirst()
                .orElse(step.defaultMinutes());
    }

    // ---------------------------------------------------------------- the profile

    /** The profile's preferred axis must be one of the assembly's; its texts are cleaned like any other. */
    private ParticipantProfile profile(ParticipantProfile profile) {
        String preferredAxisId = profile.preferredAxisId();
        if (preferredAxisId != null && schedule.axes().stream().noneMatch(a -> a.axisId().equals(preferredAxisId))) {
            throw new InvalidInputException("preferredAxisId", Refusal.AXIS_UNKNOWN, preferredAxisId);
        }
        return CommandInput.profile(profile);
    }
}
