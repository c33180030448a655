package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/** A need's solution was rewritten. */
@Revision("1")
public record SolutionRevisedEvent(String assemblyId,
                                   String tableId,
                                   String pieceId,
                                   String text,
                                   List<String> cooperatingOrganizations) {
    public SolutionRevisedEvent {
        cooperatingOrganizations = cooperatingOrganizations == null ? List.of() : List.copyOf(cooperatingOrganizations);
    }
}
