package org.minga.assembly.api;

import java.util.List;

/** One table the split formed: its axis, its label and who sits at it. */
public record TableAssignment(String tableId, String axisId, String label, List<String> memberIds) {

    public TableAssignment {
        memberIds = List.copyOf(memberIds);
    }
}
