package org.minga.assembly.api.query;

/** Participation figures of one assembly: registered vs seated, breakdowns, per axis and table. */
public record FindParticipationQuery(String assemblyId) {
}
