package org.minga.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.api.TableLeaderAssignedEvent;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.AssemblySummary.Counts;
import org.minga.assembly.api.query.AssemblySummary.TableSummary;
import org.minga.assembly.api.query.BoardView.StepState;
import org.minga.board.StepFold;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.AssemblyStatus;

/** The facilitator's summary of an assembly as a fold: settings, status, step, counts, tables and members. */
public final class AssemblySummaryFold {

    private AssemblySummaryFold() {
    }

    public static AssemblySummary apply(AssemblySummary summary, AssemblyEvent event) {
        Object e = event.payload();
        if (e instanceof AssemblyScheduledEvent s) {
            return new AssemblySummary(s.assemblyId(), s.title(), s.region(), s.venue(), s.date(), s.horizon(), s.language(),
                    s.axes(), s.rules(), s.timeboxes(), AssemblyStatus.SCHEDULED, event.sequence(), StepState.NONE,
                    new Counts(0, 0, 0, 0, 0), List.of(), List.of());
        }
        if (summary == null) {
            return null;
        }
        Counts c = summary.counts();
        List<TableSummary> tables = summary.tables();
        List<String> participants = summary.participantIds();
        StepState step = summary.step();
        if (e instanceof ParticipantRegisteredEvent r) {
            participants = append(participants, r.participantId());
            c = new Counts(c.participants() + 1, c.seated(), c.tables(), c.needs(), c.pinnedTables());
        } else if (e instanceof AssemblySplitIntoTablesEvent s) {
            tables = s.tables().stream()
                    .map(t -> new TableSummary(t.tableId(), t.axisId(), TableLabels.label(summary.language(), t.number()),
                            t.memberIds(), null, null, false))
                    .toList();
            int seated = tables.stream().mapToInt(t -> t.memberIds().size()).sum();
            c = new Counts(c.participants(), seated, tables.size(), c.needs(), c.pinnedTables());
        } else if (e instanceof LateParticipantSeatedEvent s) {
            tables = withTable(tables, s.tableId(), t -> new TableSummary(t.tableId(), t.axisId(), t.label(),
                    append(t.memberIds(), s.participantId()), t.leaderId(), t.spokespersonId(), t.pinned()));
            c = new Counts(c.participants(), c.seated() + 1, c.tables(), c.needs(), c.pinnedTables());
        } else if (e instanceof ParticipantMovedEvent m) {
            tables = withTable(tables, m.fromTableId(), t -> new TableSummary(t.tableId(), t.axisId(), t.label(),
                    t.memberIds().stream().filter(id -> !id.equals(m.participantId())).toList(),
                    m.leftLeadership() ? null : t.leaderId(), m.leftSpokesperson() ? null : t.spokespersonId(), t.pinned()));
            tables = withTable(tables, m.toTableId(), t -> new TableSummary(t.tableId(), t.axisId(), t.label(),
                    append(t.memberIds(), m.participantId()), t.leaderId(), t.spokespersonId(), t.pinned()));
        } else if (e instanceof TableLeaderAssignedEvent l) {
            tables = withTable(tables, l.tableId(), t -> new TableSummary(t.tableId(), t.axisId(), t.label(), t.memberIds(),
                    l.participantId(), t.spokespersonId(), t.pinned()));
        } else if (e instanceof SpokespersonElectedEvent s) {
            tables = withTable(tables, s.tableId(), t -> new TableSummary(t.tableId(), t.axisId(), t.label(), t.memberIds(),
                    t.leaderId(), s.participantId(), t.pinned()));
        } else if (e instanceof TablePuzzlePinnedEvent p) {
            tables = withTable(tables, p.tableId(), t -> new TableSummary(t.tableId(), t.axisId(), t.label(), t.memberIds(),
                    t.leaderId(), t.spokespersonId(), true));
            c = new Counts(c.participants(), c.seated(), c.tables(), c.needs(), c.pinnedTables() + 1);
        } else if (e instanceof TablePuzzleUnpinnedEvent u) {
            tables = withTable(tables, u.tableId(), t -> new TableSummary(t.tableId(), t.axisId(), t.label(), t.memberIds(),
                    t.leaderId(), t.spokespersonId(), false));
            c = new Counts(c.participants(), c.seated(), c.tables(), c.needs(), c.pinnedTables() - 1);
        } else if (e instanceof NeedPieceAddedEvent) {
            c = new Counts(c.participants(), c.seated(), c.tables(), c.needs() + 1, c.pinnedTables());
        } else if (e instanceof NeedPieceWithdrawnEvent) {
            c = new Counts(c.participants(), c.seated(), c.tables(), c.needs() - 1, c.pinnedTables());
        }
        step = StepFold.after(step, e);
        String status = AssemblyStatus.after(summary.status(), e);
        if (c == summary.counts() && tables == summary.tables() && participants == summary.participantIds()
                && step == summary.step() && status.equals(summary.status())) {
            // Revisions, solutions and work plans change nothing the summary shows: it is not rewritten for them.
            return summary;
        }
        return new AssemblySummary(summary.assemblyId(), summary.title(), summary.region(), summary.venue(), summary.date(),
                summary.horizon(), summary.language(), summary.axes(), summary.rules(), summary.timeboxes(),
                status, event.sequence(), step, c, tables, participants);
    }

    private static List<TableSummary> withTable(List<TableSummary> tables, String tableId, UnaryOperator<TableSummary> change) {
        return tables.stream().map(t -> t.tableId().equals(tableId) ? change.apply(t) : t).toList();
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }
}
