package org.minga.assembly.api.query;

import java.util.List;

/**
 * What {@link FindHistoryQuery} answers: every event of the assembly, oldest first. A record rather
 * than a bare list, so the answer keeps its element type when it crosses Axon Server as JSON.
 */
public record HistoryEntries(List<HistoryEntry> entries) {

    public HistoryEntries {
        entries = List.copyOf(entries);
    }
}
