package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Splits the registered participants into one group per axis and each group into tables; {@code tableSize} overrides the assembly's rule when given. */
public record SplitIntoTablesCommand(@TargetAggregateIdentifier String assemblyId,
                                     Integer tableSize) {
}
