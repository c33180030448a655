package org.minga.assembly.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Gender as the unified registration form asks it; a person may decline to say. */
public enum Gender {
    FEMALE("female"),
    MALE("male"),
    NON_BINARY("non-binary"),
    UNDISCLOSED("undisclosed");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Gender fromCode(String code) {
        return Codes.lookup(Gender.class, code, Gender::code, "gender");
    }
}
