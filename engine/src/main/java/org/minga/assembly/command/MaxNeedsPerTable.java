package org.minga.assembly.command;

import java.util.Collection;

import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;

/** A table writes one need, at most {@code maxNeedsPerTable} (two by default), counting only live ones. */
final class MaxNeedsPerTable {

    private MaxNeedsPerTable() {
    }

    static void check(Table table, Collection<NeedPiece> tablePieces, int maxNeedsPerTable) {
        long live = tablePieces.stream().filter(NeedPiece::isLive).count();
        if (live >= maxNeedsPerTable) {
            throw new RuleViolationException(Refusal.TABLE_NEEDS_LIMIT, table.label(), maxNeedsPerTable);
        }
    }
}
