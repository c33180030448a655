package org.minga.assembly.api;

/** The counted vote of a plenary. */
public record VoteCount(int inFavor, int against, int abstentions) {
}
