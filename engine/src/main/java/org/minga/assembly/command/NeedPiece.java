package org.minga.assembly.command;

import java.util.List;

import org.minga.assembly.api.AgendaDraft;
import org.minga.assembly.api.MonthRange;

/**
 * A need piece with what hangs from it. {@code firstText} is the text it was added with, so a phone
 * retrying the add after a revision is recognised as the same piece.
 */
record NeedPiece(String pieceId,
                 String tableId,
                 String firstText,
                 String text,
                 Solution solution,
                 WorkPlan workPlan,
                 boolean withdrawn) {

    record Solution(String text, List<String> cooperatingOrganizations) {
        Solution {
            cooperatingOrganizations = List.copyOf(cooperatingOrganizations);
        }
    }

    record WorkPlan(List<String> who, MonthRange when) {
        WorkPlan {
            who = List.copyOf(who);
        }
    }

    static NeedPiece added(String pieceId, String tableId, String text) {
        return new NeedPiece(pieceId, tableId, text, text, null, null, false);
    }

    boolean isLive() {
        return !withdrawn;
    }

    boolean isComplete() {
        return solution != null && workPlan != null;
    }

    /** The piece as the agenda draft reads it. */
    AgendaDraft.DraftNeed asDraftNeed() {
        return new AgendaDraft.DraftNeed(pieceId, text, withdrawn,
                solution == null ? null : solution.text(),
                solution == null ? null : solution.cooperatingOrganizations(),
                workPlan == null ? null : workPlan.who(),
                workPlan == null ? null : workPlan.when());
    }

    NeedPiece withText(String newText) {
        return new NeedPiece(pieceId, tableId, firstText, newText, solution, workPlan, withdrawn);
    }

    NeedPiece withSolution(Solution newSolution) {
        return new NeedPiece(pieceId, tableId, firstText, text, newSolution, workPlan, withdrawn);
    }

    NeedPiece withWorkPlan(WorkPlan newWorkPlan) {
        return new NeedPiece(pieceId, tableId, firstText, text, solution, newWorkPlan, withdrawn);
    }

    NeedPiece asWithdrawn() {
        return new NeedPiece(pieceId, tableId, firstText, text, solution, workPlan, true);
    }
}
