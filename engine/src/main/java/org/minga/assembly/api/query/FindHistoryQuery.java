package org.minga.assembly.api.query;

/** Every event of an assembly, oldest first, as short sentences in the language asked (any shipped catalogue; Spanish otherwise). */
public record FindHistoryQuery(String assemblyId, String language) {
}
