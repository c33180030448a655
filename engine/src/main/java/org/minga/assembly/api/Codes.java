package org.minga.assembly.api;

import java.util.function.Function;

/** Reads the lower-case codes our enums travel as, refusing unknown ones with a field name. */
final class Codes {

    private Codes() {
    }

    static <E extends Enum<E>> E lookup(Class<E> type, String code, Function<E, String> codeOf, String field) {
        if (code == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (codeOf.apply(value).equalsIgnoreCase(code.trim())) {
                return value;
            }
        }
        throw new InvalidInputException(field, Refusal.VALUE_UNKNOWN, code);
    }
}
