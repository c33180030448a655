package org.minga.assembly.api.query;

/** The agenda of an assembly: a draft from the pinned puzzles, frozen once the plenary approves. */
public record FindAgendaQuery(String assemblyId) {
}
