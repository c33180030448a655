package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/** A solution piece was attached to a need. */
@Revision("1")
public record SolutionAttachedEvent(String assemblyId,
                                    String tableId,
                                    String pieceId,
                                    String text,
                                    List<String> cooperatingOrganizations) {
    public SolutionAttachedEvent {
        cooperatingOrganizations = cooperatingOrganizations == null ? List.of() : List.copyOf(cooperatingOrganizations);
    }
}
