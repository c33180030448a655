package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** Plans who carries out a need's solution and when, as a month range inside the planning horizon. */
public record SetWorkPlanCommand(@TargetAggregateIdentifier String assemblyId,
                                 String tableId,
                                 String pieceId,
                                 List<String> who,
                                 MonthRange when) {
}
