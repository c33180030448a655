package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the member a table elected to present its puzzle. */
public record ElectSpokespersonCommand(@TargetAggregateIdentifier String assemblyId,
                                       String tableId,
                                       String participantId) {
}
