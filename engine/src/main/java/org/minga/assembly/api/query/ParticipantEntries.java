package org.minga.assembly.api.query;

import java.util.List;

/**
 * What {@link FindParticipantsQuery} answers: everyone registered, in registration order. A record
 * rather than a bare list, so the answer keeps its element type when it crosses Axon Server as JSON.
 */
public record ParticipantEntries(List<ParticipantEntry> entries) {

    public ParticipantEntries {
        entries = List.copyOf(entries);
    }
}
