package org.minga.assembly.api.query;

/** One assembly's summary: its settings, status, current step, counts and tables with their members. */
public record FindAssemblyQuery(String assemblyId) {
}
