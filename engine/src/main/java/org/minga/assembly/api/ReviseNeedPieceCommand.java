package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A table rewrites one of its needs. */
public record ReviseNeedPieceCommand(@TargetAggregateIdentifier String assemblyId,
                                     String tableId,
                                     String pieceId,
                                     String text) {
}
