package org.minga.ui.downloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.query.AgendaView;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.ParticipationView;

/**
 * What a download of the agenda is made from: the agenda, the assembly it belongs to (axis titles,
 * table labels, date and place), who took part, and the names of the spokespeople, which only a
 * facilitator's download carries (empty for everyone else).
 */
public record AgendaDocument(AgendaView agenda, AssemblySummary assembly, ParticipationView participation,
                             Map<String, String> spokespeopleNames) {

    public AgendaDocument {
        spokespeopleNames = Map.copyOf(spokespeopleNames);
    }

    public boolean approved() {
        return "approved".equals(agenda.status()) && agenda.approval() != null;
    }

    /** The axis's title as the board shows it; its id only for an axis the assembly does not know. */
    public String axisTitle(String axisId) {
        return axis(axisId).map(AxisDefinition::title).orElse(axisId);
    }

    /** "Mesa 3", "Table 3": the label the board and the table cards show. */
    public String tableLabel(String tableId) {
        return assembly.tables().stream().filter(table -> table.tableId().equals(tableId))
                .map(AssemblySummary.TableSummary::label).findFirst().orElse(tableId);
    }

    /** The spokesperson's name for a facilitator's download; empty otherwise, or once the name was erased. */
    public String spokespersonName(AgendaItem item) {
        return item.spokespersonId() == null ? "" : spokespeopleNames.getOrDefault(item.spokespersonId(), "");
    }

    /** The assembly's axes in its own order, each with its items in the agenda's order. */
    public Map<String, List<AgendaItem>> itemsByAxis() {
        List<String> axisIds = new ArrayList<>(assembly.axes().stream().map(AxisDefinition::axisId).toList());
        agenda.items().stream().map(AgendaItem::axisId).filter(id -> !axisIds.contains(id)).distinct().forEach(axisIds::add);
        Map<String, List<AgendaItem>> grouped = new LinkedHashMap<>();
        axisIds.forEach(axisId -> grouped.put(axisId,
                agenda.items().stream().filter(item -> item.axisId().equals(axisId)).toList()));
        return grouped;
    }

    private Optional<AxisDefinition> axis(String axisId) {
        return assembly.axes().stream().filter(axis -> axis.axisId().equals(axisId)).findFirst();
    }
}
