package org.minga.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.SolutionAttachedEvent;
import org.minga.assembly.api.SolutionRevisedEvent;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.WorkPlanRevisedEvent;
import org.minga.assembly.api.WorkPlanSetEvent;
import org.minga.assembly.api.query.BoardChange;
import org.minga.assembly.api.query.BoardView;
import org.minga.assembly.api.query.BoardView.Axis;
import org.minga.assembly.api.query.BoardView.Piece;
import org.minga.assembly.api.query.BoardView.Solution;
import org.minga.assembly.api.query.BoardView.StepState;
import org.minga.assembly.api.query.BoardView.Table;
import org.minga.assembly.api.query.BoardView.WorkPlan;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.AssemblyStatus;

/**
 * The board as a fold over an assembly's events: {@code (board, event) -> board}. The live
 * projection and the auditor's time travel both use it, so the board at any sequence is exactly
 * what the projector showed then. Pure: no storage, no clock.
 */
public final class BoardFold {

    private BoardFold() {
    }

    /** The board after the event; {@code board} is null before scheduling. */
    public static BoardView apply(BoardView board, AssemblyEvent assemblyEvent) {
        Object event = assemblyEvent.payload();
        long sequence = assemblyEvent.sequence();
        if (event instanceof AssemblyScheduledEvent scheduled) {
            List<Axis> axes = scheduled.axes().stream().map(a -> new Axis(a.axisId(), a.title(), List.of())).toList();
            return new BoardView(scheduled.assemblyId(), scheduled.title(), AssemblyStatus.SCHEDULED, sequence, 1,
                    StepState.NONE, axes, scheduled.language());
        }
        if (board == null) {
            return null;
        }
        BoardView next = changed(board, event);
        long revision = sameContent(board, next) ? board.revision() : board.revision() + 1;
        return new BoardView(next.assemblyId(), next.title(), next.status(), sequence, revision, next.step(), next.axes(), next.language());
    }

    /** What subscribers are told about the step from {@code before} to {@code after}, if the board changed. */
    public static Optional<BoardChange> change(BoardView before, BoardView after, Object event) {
        if (after == null || (before != null && before.revision() == after.revision())) {
            return Optional.empty();
        }
        // A new status (the first step opening) reaches viewers with the whole board: a step change carries no status.
        boolean statusChanged = before != null && !before.status().equals(after.status());
        if (!statusChanged && StepFold.isStepEvent(event)) {
            return Optional.of(new BoardChange(BoardChange.STEP, after.revision(), after.version(), null, null, after.step(), null));
        }
        String tableId = tableIdOf(event);
        if (tableId != null && before != null) {
            for (Axis axis : after.axes()) {
                for (Table table : axis.tables()) {
                    if (table.tableId().equals(tableId)) {
                        return Optional.of(new BoardChange(BoardChange.TABLE, after.revision(), after.version(),
                                axis.axisId(), table, null, null));
                    }
                }
            }
        }
        return Optional.of(new BoardChange(BoardChange.BOARD, after.revision(), after.version(), null, null, null, after));
    }

    private static BoardView changed(BoardView board, Object event) {
        String status = AssemblyStatus.after(board.status(), event);
        if (event instanceof AssemblySplitIntoTablesEvent split) {
            return withAxes(board, status, board.axes().stream()
                    .map(axis -> new Axis(axis.axisId(), axis.title(), split.tables().stream()
                            .filter(t -> t.axisId().equals(axis.axisId()))
                            .map(t -> emptyTable(t, board.language()))
                            .toList()))
                    .toList());
        }
        StepState step = StepFold.after(board.step(), event);
        if (step != board.step()) {
            return withStep(board, status, step);
        }
        if (event instanceof NeedPieceAddedEvent added) {
            return withTable(board, added.tableId(), table -> withPieces(table, append(table.pieces(),
                    new Piece(added.pieceId(), "need", added.text(), null, null))));
        }
        if (event instanceof NeedPieceRevisedEvent revised) {
            return withPiece(board, revised.tableId(), revised.pieceId(),
                    p -> new Piece(p.pieceId(), p.kind(), revised.text(), p.solution(), p.workPlan()));
        }
        if (event instanceof NeedPieceWithdrawnEvent withdrawn) {
            return withTable(board, withdrawn.tableId(), table -> withPieces(table, table.pieces().stream()
                    .filter(p -> !p.pieceId().equals(withdrawn.pieceId())).toList()));
        }
        if (event instanceof SolutionAttachedEvent attached) {
            return withSolution(board, attached.tableId(), attached.pieceId(), new Solution(attached.text(), attached.cooperatingOrganizations()));
        }
        if (event instanceof SolutionRevisedEvent revised) {
            return withSolution(board, revised.tableId(), revised.pieceId(), new Solution(revised.text(), revised.cooperatingOrganizations()));
        }
        if (event instanceof WorkPlanSetEvent plan) {
            return withWorkPlan(board, plan.tableId(), plan.pieceId(), new WorkPlan(plan.who(), plan.when()));
        }
        if (event instanceof WorkPlanRevisedEvent plan) {
            return withWorkPlan(board, plan.tableId(), plan.pieceId(), new WorkPlan(plan.who(), plan.when()));
        }
        if (event instanceof SpokespersonElectedEvent elected) {
            return withTable(board, elected.tableId(),
                    t -> new Table(t.tableId(), t.label(), elected.participantId(), t.pinned(), t.pieces()));
        }
        if (event instanceof TablePuzzlePinnedEvent pinned) {
            return withTable(board, pinned.tableId(), t -> new Table(t.tableId(), t.label(), t.spokespersonId(), true, t.pieces()));
        }
        if (event instanceof ParticipantMovedEvent moved && moved.leftSpokesperson()) {
            return withTable(board, moved.fromTableId(), t -> new Table(t.tableId(), t.label(), null, t.pinned(), t.pieces()));
        }
        if (event instanceof TablePuzzleUnpinnedEvent unpinned) {
            return withTable(board, unpinned.tableId(), t -> new Table(t.tableId(), t.label(), t.spokespersonId(), false, t.pieces()));
        }
        if (event instanceof AgendaApprovedEvent || event instanceof AssemblyClosedEvent) {
            return withAxes(board, status, board.axes());
        }
        return board;
    }

    private static String tableIdOf(Object event) {
        if (event instanceof NeedPieceAddedEvent e) {
            return e.tableId();
        } else if (event instanceof NeedPieceRevisedEvent e) {
            return e.tableId();
        } else if (event instanceof NeedPieceWithdrawnEvent e) {
            return e.tableId();
        } else if (event instanceof SolutionAttachedEvent e) {
            return e.tableId();
        } else if (event instanceof SolutionRevisedEvent e) {
            return e.tableId();
        } else if (event instanceof WorkPlanSetEvent e) {
            return e.tableId();
        } else if (event instanceof WorkPlanRevisedEvent e) {
            return e.tableId();
        } else if (event instanceof SpokespersonElectedEvent e) {
            return e.tableId();
        } else if (event instanceof TablePuzzlePinnedEvent e) {
            return e.tableId();
        } else if (event instanceof TablePuzzleUnpinnedEvent e) {
            return e.tableId();
        } else if (event instanceof ParticipantMovedEvent e) {
            return e.fromTableId();
        }
        return null;
    }

    private static boolean sameContent(BoardView a, BoardView b) {
        return Objects.equals(a.status(), b.status()) && Objects.equals(a.step(), b.step()) && a.axes().equals(b.axes());
    }

    /** A table as the split formed it, labelled in the assembly's language (Spanish on boards stored before it was kept). */
    private static Table emptyTable(TableAssignment assignment, String language) {
        return new Table(assignment.tableId(), TableLabels.label(language, assignment.number()), null, false, List.of());
    }

    private static BoardView withAxes(BoardView board, String status, List<Axis> axes) {
        return new BoardView(board.assemblyId(), board.title(), status, board.version(), board.revision(), board.step(), axes, board.language());
    }

    private static BoardView withStep(BoardView board, String status, StepState step) {
        return new BoardView(board.assemblyId(), board.title(), status, board.version(), board.revision(), step, board.axes(), board.language());
    }

    private static BoardView withTable(BoardView board, String tableId, UnaryOperator<Table> change) {
        List<Axis> axes = board.axes().stream()
                .map(axis -> new Axis(axis.axisId(), axis.title(), axis.tables().stream()
                        .map(t -> t.tableId().equals(tableId) ? change.apply(t) : t)
                        .toList()))
                .toList();
        return withAxes(board, board.status(), axes);
    }

    private static BoardView withPiece(BoardView board, String tableId, String pieceId, UnaryOperator<Piece> change) {
        return withTable(board, tableId, table -> withPieces(table, table.pieces().stream()
                .map(p -> p.pieceId().equals(pieceId) ? change.apply(p) : p)
                .toList()));
    }

    private static BoardView withSolution(BoardView board, String tableId, String pieceId, Solution solution) {
        return withPiece(board, tableId, pieceId, p -> new Piece(p.pieceId(), p.kind(), p.text(), solution, p.workPlan()));
    }

    private static BoardView withWorkPlan(BoardView board, String tableId, String pieceId, WorkPlan plan) {
        return withPiece(board, tableId, pieceId, p -> new Piece(p.pieceId(), p.kind(), p.text(), p.solution(), plan));
    }

    private static Table withPieces(Table table, List<Piece> pieces) {
        return new Table(table.tableId(), table.label(), table.spokespersonId(), table.pinned(), pieces);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }
}
