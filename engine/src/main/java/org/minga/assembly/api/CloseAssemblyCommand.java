package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

/** Closes the assembly; it accepts no further changes. */
public record CloseAssemblyCommand(@TargetAggregateIdentifier String assemblyId,
                                   Instant closedAt) {
}
