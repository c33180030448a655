package org.minga.assembly.api.query;

import java.time.Instant;
import java.util.List;

import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.Step;

/**
 * The solidarity puzzle as the projector shows it. {@code version} is the sequence of the last
 * event it reflects; {@code revision} counts the changes to the board itself, so a viewer that
 * sees a gap in revisions reloads. {@code language} is the assembly's ("es", "en", "quc"…), which its pages
 * speak unless the reader chose another; null on boards stored before it was kept.
 */
public record BoardView(String assemblyId,
                        String title,
                        String status,
                        long version,
                        long revision,
                        StepState step,
                        List<Axis> axes,
                        String language) {

    public BoardView {
        axes = List.copyOf(axes);
    }

    /** The step the room is in; {@code current} is null before the first step opens. */
    /** The step, whether it is open, when its time is up, and since when its countdown is paused (null while it runs). */
    public record StepState(Step current, boolean open, Instant deadline, Instant pausedAt) {
        public static final StepState NONE = new StepState(null, false, null, null);
    }

    public record Axis(String axisId, String title, List<Table> tables) {
        public Axis {
            tables = List.copyOf(tables);
        }
    }

    public record Table(String tableId, String label, String spokespersonId, boolean pinned, List<Piece> pieces) {
        public Table {
            pieces = List.copyOf(pieces);
        }
    }

    public record Piece(String pieceId, String kind, String text, Solution solution, WorkPlan workPlan) {
    }

    public record Solution(String text, List<String> cooperatingOrganizations) {
        public Solution {
            cooperatingOrganizations = List.copyOf(cooperatingOrganizations);
        }
    }

    public record WorkPlan(List<String> who, MonthRange when) {
        public WorkPlan {
            who = List.copyOf(who);
        }
    }
}
