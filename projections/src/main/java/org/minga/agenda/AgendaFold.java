package org.minga.agenda;

import java.util.List;

import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AgendaDraft;
import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.VoteCount;
import org.minga.assembly.api.query.AgendaView;
import org.minga.assembly.api.query.BoardView;
import org.minga.board.BoardFold;
import org.minga.projections.AssemblyEvent;

/**
 * The agenda as a fold: a draft made of the pinned puzzles (folded with the board's own fold),
 * replaced by the items frozen in the approval once the plenary decides.
 */
public final class AgendaFold {

    static final String DRAFT = "draft";
    static final String APPROVED = "approved";

    /** What the agenda read model stores: the puzzle it drafts from, and the approval when there is one. */
    public record AgendaDocument(String assemblyId, long version, BoardView puzzle, AgendaView.Approval approval,
                                 List<AgendaItem> approvedItems) {
    }

    private AgendaFold() {
    }

    public static AgendaDocument apply(AgendaDocument agenda, AssemblyEvent event) {
        BoardView puzzle = BoardFold.apply(agenda == null ? null : agenda.puzzle(), event);
        if (puzzle == null) {
            return null;
        }
        if (event.payload() instanceof AgendaApprovedEvent approved) {
            VoteCount votes = approved.votes();
            AgendaView.Approval approval = new AgendaView.Approval(approved.method(),
                    votes == null ? null : votes.inFavor(), votes == null ? null : votes.against(),
                    votes == null ? null : votes.abstentions(), event.at());
            return new AgendaDocument(event.assemblyId(), event.sequence(), puzzle, approval, approved.items());
        }
        return agenda == null
                ? new AgendaDocument(event.assemblyId(), event.sequence(), puzzle, null, null)
                : new AgendaDocument(agenda.assemblyId(), event.sequence(), puzzle, agenda.approval(), agenda.approvedItems());
    }

    /** The agenda as people read it. */
    public static AgendaView view(AgendaDocument agenda) {
        if (agenda.approval() != null) {
            return new AgendaView(agenda.assemblyId(), agenda.puzzle().title(), agenda.version(), APPROVED,
                    agenda.approval(), agenda.approvedItems(), agenda.puzzle().language());
        }
        return new AgendaView(agenda.assemblyId(), agenda.puzzle().title(), agenda.version(), DRAFT, null, draftItems(agenda.puzzle()),
                agenda.puzzle().language());
    }

    /** The items the plenary would approve now, in board order (the board keeps no withdrawn need). */
    static List<AgendaItem> draftItems(BoardView puzzle) {
        return AgendaDraft.items(puzzle.axes().stream()
                .flatMap(axis -> axis.tables().stream().map(table -> new AgendaDraft.DraftTable(axis.axisId(),
                        table.tableId(), table.spokespersonId(), table.pinned(),
                        table.pieces().stream().map(AgendaFold::draftNeed).toList())))
                .toList());
    }

    private static AgendaDraft.DraftNeed draftNeed(BoardView.Piece piece) {
        return new AgendaDraft.DraftNeed(piece.pieceId(), piece.text(), false,
                piece.solution() == null ? null : piece.solution().text(),
                piece.solution() == null ? null : piece.solution().cooperatingOrganizations(),
                piece.workPlan() == null ? null : piece.workPlan().who(),
                piece.workPlan() == null ? null : piece.workPlan().when());
    }
}
