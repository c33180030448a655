package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A table takes one of its needs (and what hangs from it) off its puzzle. */
public record WithdrawNeedPieceCommand(@TargetAggregateIdentifier String assemblyId,
                                       String tableId,
                                       String pieceId) {
}
