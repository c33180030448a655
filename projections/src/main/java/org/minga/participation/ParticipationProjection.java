package org.minga.participation;

import java.util.List;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.query.FindParticipantsQuery;
import org.minga.assembly.api.query.FindParticipationQuery;
import org.minga.assembly.api.query.ParticipantEntries;
import org.minga.assembly.api.query.ParticipantEntry;
import org.minga.assembly.api.query.ParticipationView;
import org.minga.participation.ParticipationFold.ParticipationDocument;
import org.minga.projections.AssemblyEvent;
import org.minga.projections.FoldedReadModel;
import org.minga.projections.ReadModel;
import org.minga.projections.ReadModelStorage;
import org.springframework.stereotype.Component;

/** Keeps who took part, by attributes only, in the {@code participation} collection. */
@Component
@ProcessingGroup(ParticipationProjection.PROCESSING_GROUP)
public class ParticipationProjection {

    public static final String PROCESSING_GROUP = "participation";

    private final FoldedReadModel<ParticipationDocument> participation;

    public ParticipationProjection(ReadModelStorage storage) {
        this.participation = new FoldedReadModel<>(storage.open(ReadModel.PARTICIPATION.collection(), ParticipationDocument.class),
                ParticipationFold::apply, ParticipationDocument::version);
    }

    /** Only the events that change who is counted: piece events would rewrite the document for nothing. */
    private static final Set<Class<?>> COUNTED = Set.of(AssemblyScheduledEvent.class, ParticipantRegisteredEvent.class,
            AssemblySplitIntoTablesEvent.class, LateParticipantSeatedEvent.class, ParticipantMovedEvent.class,
            ParticipantProfileCorrectedEvent.class);

    @EventHandler
    void on(DomainEventMessage<?> message) {
        if (COUNTED.contains(message.getPayloadType())) {
            participation.apply(AssemblyEvent.of(message));
        }
    }

    @QueryHandler
    public ParticipantEntries handle(FindParticipantsQuery query) {
        return new ParticipantEntries(participation.find(query.assemblyId())
                .map(d -> d.people().stream().map(p -> new ParticipantEntry(p.participantId(), p.profile(), p.tableId())).toList())
                .orElse(List.of()));
    }

    @QueryHandler
    public ParticipationView handle(FindParticipationQuery query) {
        return participation.find(query.assemblyId()).map(ParticipationFold::view).orElse(null);
    }
}
