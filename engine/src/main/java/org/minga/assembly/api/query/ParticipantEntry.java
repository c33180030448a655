package org.minga.assembly.api.query;

import org.minga.assembly.api.ParticipantProfile;

/** One registered participant: opaque id, the form's attributes, and the table once seated. */
public record ParticipantEntry(String participantId, ParticipantProfile profile, String tableId) {
}
