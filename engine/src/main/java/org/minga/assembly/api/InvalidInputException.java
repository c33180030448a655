package org.minga.assembly.api;

/** Bad input: a field is missing, malformed or out of range. */
public final class InvalidInputException extends RefusedException {

    public InvalidInputException(String field, Refusal refusal, Object... arguments) {
        super(requireKind(refusal), field, arguments);
    }

    private static Refusal requireKind(Refusal refusal) {
        if (refusal.kind() != Refusal.Kind.BAD_INPUT) {
            throw new IllegalArgumentException(refusal + " is not a bad-input refusal");
        }
        return refusal;
    }
}
