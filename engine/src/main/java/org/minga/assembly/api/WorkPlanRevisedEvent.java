package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/** A work plan was changed. */
@Revision("1")
public record WorkPlanRevisedEvent(String assemblyId,
                                   String tableId,
                                   String pieceId,
                                   List<String> who,
                                   MonthRange when) {
    public WorkPlanRevisedEvent {
        who = who == null ? List.of() : List.copyOf(who);
    }
}
