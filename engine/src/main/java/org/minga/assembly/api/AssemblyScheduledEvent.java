package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;
import java.util.List;

/** An assembly was scheduled. */
@Revision("1")
public record AssemblyScheduledEvent(String assemblyId,
                                     String title,
                                     String region,
                                     String venue,
                                     LocalDate date,
                                     MonthRange horizon,
                                     String language,
                                     List<AxisDefinition> axes,
                                     AssemblyRules rules,
                                     List<StepTimebox> timeboxes) {
    public AssemblyScheduledEvent {
        axes = axes == null ? List.of() : List.copyOf(axes);
        timeboxes = timeboxes == null ? List.of() : List.copyOf(timeboxes);
    }
}
