package org.minga.assembly.api;

import java.util.List;

/**
 * One table the split formed: its axis, its number (1..n across axes) and who sits at it. The
 * event carries no words: the table's label ("Mesa 3", "Table 3") is {@link TableLabels}' when read.
 */
public record TableAssignment(String tableId, String axisId, int number, List<String> memberIds) {

    public TableAssignment {
        memberIds = List.copyOf(memberIds);
    }
}
