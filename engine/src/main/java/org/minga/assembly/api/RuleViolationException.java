package org.minga.assembly.api;

/** The command breaks a rule of the method (too many needs, step closed, agenda frozen…). */
public final class RuleViolationException extends RefusedException {

    public RuleViolationException(Refusal refusal, Object... arguments) {
        super(requireKind(refusal), null, arguments);
    }

    private static Refusal requireKind(Refusal refusal) {
        if (refusal.kind() != Refusal.Kind.RULE) {
            throw new IllegalArgumentException(refusal + " is not a rule of the method");
        }
        return refusal;
    }
}
