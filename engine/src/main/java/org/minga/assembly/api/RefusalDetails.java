package org.minga.assembly.api;

import java.util.List;
import java.util.Objects;

/**
 * A refusal as it travels between Minga instances through Axon Server, which carries an
 * exception's details but not the exception: the code, the field and the message arguments,
 * enough to rebuild the same {@link RefusedException} (and so the same 400/404/409 and message)
 * on the instance that received the request. Numbers stay numbers so messages format them alike;
 * any other argument travels as its text.
 */
public record RefusalDetails(String code, String field, List<Object> arguments) {

    public RefusalDetails {
        Objects.requireNonNull(code, "code");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static RefusalDetails of(RefusedException refused) {
        return new RefusalDetails(refused.code(), refused.field(), refused.arguments().stream()
                .map(argument -> argument instanceof Number ? argument : String.valueOf(argument))
                .toList());
    }

    /** The refusal this names again, as the exception the engine threw. */
    public RefusedException toException() {
        Refusal refusal = Refusal.ofCode(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown refusal code " + code));
        Object[] args = arguments.toArray();
        return switch (refusal.kind()) {
            case BAD_INPUT -> new InvalidInputException(field, refusal, args);
            case NOT_FOUND -> new UnknownIdException(field, refusal, args.length == 0 ? "" : args[0]);
            case RULE -> new RuleViolationException(refusal, args);
            default -> throw new IllegalArgumentException(code + " is not a refusal of the engine");
        };
    }
}
