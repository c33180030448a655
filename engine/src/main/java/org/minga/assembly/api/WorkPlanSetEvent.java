package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/** A need's solution got its work plan: who and when. */
@Revision("1")
public record WorkPlanSetEvent(String assemblyId,
                               String tableId,
                               String pieceId,
                               List<String> who,
                               MonthRange when) {
    public WorkPlanSetEvent {
        who = who == null ? List.of() : List.copyOf(who);
    }
}
