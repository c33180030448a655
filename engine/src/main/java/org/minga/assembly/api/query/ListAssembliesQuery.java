package org.minga.assembly.api.query;

/** Every assembly this Minga knows, newest date first. */
public record ListAssembliesQuery() {
}
