package org.minga.assembly.api;

import java.util.List;

/**
 * What splitting the room answers: the tables formed, in order. A record rather than a bare list,
 * so the answer keeps its element type when it travels through Axon Server as JSON.
 */
public record TablesFormed(List<TableAssignment> tables) {

    public TablesFormed {
        tables = List.copyOf(tables);
    }
}
