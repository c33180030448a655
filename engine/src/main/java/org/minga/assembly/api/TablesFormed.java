package org.minga.assembly.api;

import java.util.List;

/**
 * What splitting the room answers: the tables formed, in order, and the assembly's language, which
 * their labels are read in ({@link TableLabels}). A record rather than a bare list, so the answer
 * keeps its element type when it travels through Axon Server as JSON.
 */
public record TablesFormed(List<TableAssignment> tables, String language) {

    public TablesFormed {
        tables = List.copyOf(tables);
    }
}
