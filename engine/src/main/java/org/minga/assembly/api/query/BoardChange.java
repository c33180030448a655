package org.minga.assembly.api.query;

/**
 * One change to a board, as subscribers receive it: the whole {@code board} after structural
 * changes (scheduling, split, approval, closing), else the one {@code table} (with its axis) or
 * the {@code step} that changed. {@code revision} grows by one per change.
 */
public record BoardChange(String kind,
                          long revision,
                          long version,
                          String axisId,
                          BoardView.Table table,
                          BoardView.StepState step,
                          BoardView board) {

    public static final String BOARD = "board";
    public static final String TABLE = "table";
    public static final String STEP = "step";
}
