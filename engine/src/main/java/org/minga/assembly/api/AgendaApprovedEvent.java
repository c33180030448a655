package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/** The plenary approved the agenda; the items are frozen here, each with the table it came from. */
@Revision("1")
public record AgendaApprovedEvent(String assemblyId,
                                  ApprovalMethod method,
                                  VoteCount votes,
                                  List<AgendaItem> items) {
    public AgendaApprovedEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
