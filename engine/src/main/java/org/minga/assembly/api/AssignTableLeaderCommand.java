package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Names the member who leads a table's conversation. */
public record AssignTableLeaderCommand(@TargetAggregateIdentifier String assemblyId,
                                       String tableId,
                                       String participantId) {
}
