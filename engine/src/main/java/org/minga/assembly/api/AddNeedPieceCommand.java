package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A table writes a blue need piece on its axis. */
public record AddNeedPieceCommand(@TargetAggregateIdentifier String assemblyId,
                                  String tableId,
                                  String pieceId,
                                  String text) {
}
