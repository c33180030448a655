package org.minga.assembly.api;

import java.util.List;

/** One line of the approved agenda: need, solution, who and when, and the table it came from. */
public record AgendaItem(String axisId,
                         String tableId,
                         String needPieceId,
                         String need,
                         String solution,
                         List<String> cooperatingOrganizations,
                         List<String> who,
                         MonthRange when,
                         String spokespersonId) {

    public AgendaItem {
        cooperatingOrganizations = List.copyOf(cooperatingOrganizations);
        who = List.copyOf(who);
    }
}
