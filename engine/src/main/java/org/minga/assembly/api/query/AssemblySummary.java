package org.minga.assembly.api.query;

import java.time.LocalDate;
import java.util.List;

import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.StepTimebox;

/**
 * What a facilitator's console needs about one assembly. {@code status} is "scheduled" until the
 * first step opens, then "running", "approved" once the agenda is, and "closed".
 */
public record AssemblySummary(String assemblyId,
                              String title,
                              String region,
                              String venue,
                              LocalDate date,
                              MonthRange horizon,
                              String language,
                              List<AxisDefinition> axes,
                              AssemblyRules rules,
                              List<StepTimebox> timeboxes,
                              String status,
                              long version,
                              BoardView.StepState step,
                              Counts counts,
                              List<TableSummary> tables,
                              List<String> participantIds) {

    public AssemblySummary {
        axes = List.copyOf(axes);
        timeboxes = List.copyOf(timeboxes);
        tables = List.copyOf(tables);
        participantIds = List.copyOf(participantIds);
    }

    public record Counts(int participants, int seated, int tables, int needs, int pinnedTables) {
    }

    public record TableSummary(String tableId, String axisId, String label, List<String> memberIds, String leaderId,
                               String spokespersonId, boolean pinned) {
        public TableSummary {
            memberIds = List.copyOf(memberIds);
        }
    }

    /** The line of the assemblies list. */
    public record Listed(String assemblyId, String title, String region, LocalDate date, String status) {
    }
}
