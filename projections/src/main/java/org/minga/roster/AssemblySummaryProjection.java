package org.minga.roster;

import java.util.Comparator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.FindAssemblyQuery;
import org.minga.assembly.api.query.ListAssembliesQuery;
import org.minga.assembly.api.query.ListedAssemblies;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.FoldedReadModel;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.springframework.stereotype.Component;

/** Keeps each assembly's summary, tables and members in the {@code assemblies} collection. */
@Component
@ProcessingGroup(AssemblySummaryProjection.PROCESSING_GROUP)
public class AssemblySummaryProjection {

    public static final String PROCESSING_GROUP = "assemblies";

    private final FoldedReadModel<AssemblySummary> assemblies;

    public AssemblySummaryProjection(ReadModelStorage storage) {
        this.assemblies = new FoldedReadModel<>(storage.open(ReadModel.ASSEMBLIES.collection(), AssemblySummary.class),
                AssemblySummaryFold::apply, AssemblySummary::version);
    }

    @EventHandler
    void on(DomainEventMessage<?> message) {
        assemblies.apply(AssemblyEvent.of(message));
    }

    @QueryHandler
    public AssemblySummary handle(FindAssemblyQuery query) {
        return assemblies.find(query.assemblyId()).orElse(null);
    }

    @QueryHandler
    public ListedAssemblies handle(ListAssembliesQuery query) {
        return new ListedAssemblies(assemblies.store().findAll().stream()
                .sorted(Comparator.comparing(AssemblySummary::date).reversed().thenComparing(AssemblySummary::assemblyId))
                .map(s -> new AssemblySummary.Listed(s.assemblyId(), s.title(), s.region(), s.date(), s.status()))
                .toList());
    }
}
