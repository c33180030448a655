package org.minga.assembly.api.query;

import java.time.Instant;
import java.util.List;

import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.ApprovalMethod;

/**
 * The agenda: {@code status} is "draft" until the plenary approves it, then "approved";
 * {@code language} is the assembly's, which the agenda page speaks unless the reader chose another.
 */
public record AgendaView(String assemblyId, String title, long version, String status, Approval approval, List<AgendaItem> items,
                         String language) {

    public AgendaView {
        items = List.copyOf(items);
    }

    /** How the plenary decided; the counts only for a vote. */
    public record Approval(ApprovalMethod method, Integer inFavor, Integer against, Integer abstentions, Instant approvedAt) {
    }
}
