package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The spokesperson pins the table's finished puzzle onto the big solidarity puzzle. */
public record PinTablePuzzleCommand(@TargetAggregateIdentifier String assemblyId,
                                    String tableId) {
}
