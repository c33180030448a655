package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a table's pinned puzzle off the big puzzle before the plenary decides, for a reason the
 * facilitator gives (pinned too soon, a need still to fix). The table can change it and pin again.
 */
public record UnpinTablePuzzleCommand(@TargetAggregateIdentifier String assemblyId,
                                      String tableId,
                                      String reason) {
}
