package org.minga.assembly.api;

/** The numbers of the method an assembly may tune. */
public record AssemblyRules(int maxNeedsPerTable, int tableSize) {

    public static final AssemblyRules DEFAULTS = new AssemblyRules(2, 20);
}
