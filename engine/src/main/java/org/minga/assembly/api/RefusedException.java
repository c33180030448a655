package org.minga.assembly.api;

import java.util.List;
import java.util.Locale;

/**
 * A command Minga refused; nothing was appended. Carries the stable {@link Refusal} code, the
 * field at fault when there is one, and the arguments its Spanish and English messages need.
 */
public abstract sealed class RefusedException extends RuntimeException
        permits InvalidInputException, RuleViolationException, UnknownIdException {

    private final Refusal refusal;
    private final String field;
    private final List<Object> arguments;

    RefusedException(Refusal refusal, String field, Object... arguments) {
        super(RefusalMessages.message(refusal, Locale.ENGLISH, field, arguments));
        this.refusal = refusal;
        this.field = field;
        this.arguments = List.of(arguments);
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }

    /** The request field at fault, or {@code null} when the refusal is about the assembly's state. */
    public String field() {
        return field;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The message a facilitator reads, in their language (Spanish where that language has no words). */
    public String messageIn(Locale locale) {
        return RefusalMessages.message(refusal, locale, field, arguments.toArray());
    }
}
