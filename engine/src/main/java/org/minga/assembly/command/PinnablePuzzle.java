package org.minga.assembly.command;

import java.util.Collection;
import java.util.List;

import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;

/**
 * A spokesperson pins only a finished puzzle: the table elected its spokesperson, wrote at least
 * one need, and every live need has its solution and its work plan.
 */
final class PinnablePuzzle {

    private PinnablePuzzle() {
    }

    static void check(Table table, Collection<NeedPiece> tablePieces) {
        if (table.spokespersonId() == null) {
            throw new RuleViolationException(Refusal.TABLE_PIN_NO_SPOKESPERSON, table.label());
        }
        List<NeedPiece> live = tablePieces.stream().filter(NeedPiece::isLive).toList();
        if (live.isEmpty()) {
            throw new RuleViolationException(Refusal.TABLE_PIN_NO_NEEDS, table.label());
        }
        live.stream()
                .filter(piece -> !piece.isComplete())
                .findFirst()
                .ifPresent(piece -> {
                    throw new RuleViolationException(Refusal.TABLE_PIN_INCOMPLETE, table.label(), piece.text());
                });
    }
}
