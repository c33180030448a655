package org.minga.assembly.api.query;

/** Every event of an assembly, oldest first, as short sentences in the language asked ("es" or "en"). */
public record FindHistoryQuery(String assemblyId, String language) {
}
