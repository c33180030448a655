package org.minga.assembly.api.query;

import java.util.List;

/** Who took part, counted by the attributes of the registration form. Never names. */
public record ParticipationView(String assemblyId,
                                long version,
                                int registered,
                                int seated,
                                Breakdowns breakdowns,
                                List<AxisParticipation> axes) {

    public ParticipationView {
        axes = List.copyOf(axes);
    }

    /** The count and share (0..1 of the people counted) of one value; "unknown" when the form left it empty. */
    public record Count(String value, int count, double share) {
    }

    public record Breakdowns(List<Count> gender,
                             List<Count> ageGroup,
                             List<Count> sector,
                             List<Count> organizationType,
                             List<Count> territory,
                             List<Count> area) {
    }

    public record AxisParticipation(String axisId, String title, int seated, Breakdowns breakdowns, List<TableParticipation> tables) {
        public AxisParticipation {
            tables = List.copyOf(tables);
        }
    }

    public record TableParticipation(String tableId, String label, int seated, List<Count> gender, List<Count> area,
                                     int organizations) {
    }
}
