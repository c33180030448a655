package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.LocalDate;
import java.util.List;

/** Schedules an assembly: its title, place, date, planning horizon, language, thematic axes, rules and step timeboxes. */
public record ScheduleAssemblyCommand(@TargetAggregateIdentifier String assemblyId,
                                      String title,
                                      String region,
                                      String venue,
                                      LocalDate date,
                                      MonthRange horizon,
                                      String language,
                                      List<AxisDefinition> axes,
                                      AssemblyRules rules,
                                      List<StepTimebox> timeboxes) {
}
