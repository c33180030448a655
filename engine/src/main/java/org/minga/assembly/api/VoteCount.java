package org.minga.assembly.api;

/** The counted vote of a plenary. */
public record VoteCount(int inFavor, int against, int abstentions) {

    /** Everyone who voted, abstentions included. */
    public int total() {
        return inFavor + against + abstentions;
    }
}
