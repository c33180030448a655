package org.minga.assembly.api.query;

import java.util.List;

/**
 * What {@link ListAssembliesQuery} answers: one line per assembly, newest date first. A record rather
 * than a bare list, so the answer keeps its element type when it crosses Axon Server as JSON.
 */
public record ListedAssemblies(List<AssemblySummary.Listed> assemblies) {

    public ListedAssemblies {
        assemblies = List.copyOf(assemblies);
    }
}
