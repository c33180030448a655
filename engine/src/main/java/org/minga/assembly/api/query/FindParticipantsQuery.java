package org.minga.assembly.api.query;

/** Every registered participant of an assembly with the form's attributes and table; never names. */
public record FindParticipantsQuery(String assemblyId) {
}
