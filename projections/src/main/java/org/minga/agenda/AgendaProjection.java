package org.minga.agenda;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.minga.agenda.AgendaFold.AgendaDocument;
import org.minga.assembly.api.query.AgendaView;
import org.minga.assembly.api.query.FindAgendaQuery;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.FoldedReadModel;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.springframework.stereotype.Component;

/** Keeps every assembly's agenda in the {@code agendas} collection: draft, then approved and frozen. */
@Component
@ProcessingGroup(AgendaProjection.PROCESSING_GROUP)
public class AgendaProjection {

    public static final String PROCESSING_GROUP = "agenda";

    private final FoldedReadModel<AgendaDocument> agendas;

    public AgendaProjection(ReadModelStorage storage) {
        this.agendas = new FoldedReadModel<>(storage.open(ReadModel.AGENDA.collection(), AgendaDocument.class),
                AgendaFold::apply, AgendaDocument::version);
    }

    @EventHandler
    void on(DomainEventMessage<?> message) {
        agendas.apply(AssemblyEvent.of(message));
    }

    @QueryHandler
    public AgendaView handle(FindAgendaQuery query) {
        return agendas.find(query.assemblyId()).map(AgendaFold::view).orElse(null);
    }
}
