package org.minga.assembly.api;

/** A thematic axis ("mesa") of the assembly; one group of tables works on each. */
public record AxisDefinition(String axisId, String title, String description) {
}
