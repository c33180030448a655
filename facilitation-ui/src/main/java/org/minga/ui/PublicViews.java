package org.minga.ui;

import java.time.LocalDate;
import java.util.List;

import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.query.AgendaView;
import org.minga.assembly.api.query.AssemblySummary;

/**
 * What a public agenda link shows: the agenda and the heading of its page, with nothing about
 * participants (no participant ids, members, leaders or spokespeople), since anyone may hold it.
 */
final class PublicViews {

    /** The assembly as the public agenda page heads it; {@code audience} tells the page it is public. */
    record PublicSummary(String assemblyId, String title, String region, String venue, LocalDate date, String language,
                         List<AxisDefinition> axes, String status, List<PublicTable> tables, String audience) {
    }

    record PublicTable(String tableId, String axisId, String label, boolean pinned) {
    }

    private PublicViews() {
    }

    static PublicSummary summary(AssemblySummary summary) {
        return new PublicSummary(summary.assemblyId(), summary.title(), summary.region(), summary.venue(), summary.date(),
                summary.language(), summary.axes(), summary.status(),
                summary.tables().stream().map(t -> new PublicTable(t.tableId(), t.axisId(), t.label(), t.pinned())).toList(),
                "public");
    }

    static AgendaView agenda(AgendaView agenda) {
        return new AgendaView(agenda.assemblyId(), agenda.title(), agenda.version(), agenda.status(), agenda.approval(),
                agenda.items().stream().map(i -> new AgendaItem(i.axisId(), i.tableId(), i.needPieceId(), i.need(), i.solution(),
                        i.cooperatingOrganizations(), i.who(), i.when(), null)).toList(), agenda.language());
    }
}
