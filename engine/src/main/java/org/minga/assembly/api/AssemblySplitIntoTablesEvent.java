package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/** The room was split into groups per axis and tables. */
@Revision("1")
public record AssemblySplitIntoTablesEvent(String assemblyId,
                                           int tableSize,
                                           List<TableAssignment> tables) {
    public AssemblySplitIntoTablesEvent {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
