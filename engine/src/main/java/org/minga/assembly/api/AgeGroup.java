package org.minga.assembly.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Age bands of the unified registration form: ages, never birth dates. */
public enum AgeGroup {
    UNDER_18("under-18"),
    FROM_18_TO_29("18-29"),
    FROM_30_TO_44("30-44"),
    FROM_45_TO_59("45-59"),
    SIXTY_AND_OVER("60-plus");

    private final String code;

    AgeGroup(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AgeGroup fromCode(String code) {
        return Codes.lookup(AgeGroup.class, code, AgeGroup::code, "ageGroup");
    }
}
