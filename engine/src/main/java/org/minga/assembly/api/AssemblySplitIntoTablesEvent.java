package org.minga.assembly.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/**
 * The room was split into groups per axis and tables. Revision 2 numbers the tables; revision 1
 * stored each table's label in the assembly's language ("Mesa 3"), which the runtime's upcaster
 * turns into the number when an old event is read.
 */
@Revision("2")
public record AssemblySplitIntoTablesEvent(String assemblyId,
                                           int tableSize,
                                           List<TableAssignment> tables) {
    public AssemblySplitIntoTablesEvent {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
