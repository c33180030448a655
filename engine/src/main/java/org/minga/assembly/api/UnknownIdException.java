package org.minga.assembly.api;

/** A command names a table, participant or piece the assembly does not have. */
public final class UnknownIdException extends RefusedException {

    public UnknownIdException(String field, Refusal refusal, Object id) {
        super(requireKind(refusal), field, id);
    }

    private static Refusal requireKind(Refusal refusal) {
        if (refusal.kind() != Refusal.Kind.NOT_FOUND) {
            throw new IllegalArgumentException(refusal + " is not an unknown-id refusal");
        }
        return refusal;
    }
}
