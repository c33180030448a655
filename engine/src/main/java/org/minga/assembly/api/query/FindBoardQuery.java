package org.minga.assembly.api.query;

/** The live solidarity puzzle of one assembly; subscribe to it for {@link BoardChange}s. */
public record FindBoardQuery(String assemblyId) {
}
