package org.minga.assembly.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a participant comes from an urban or a rural area. */
public enum Area {
    URBAN("urban"),
    RURAL("rural");

    private final String code;

    Area(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Area fromCode(String code) {
        return Codes.lookup(Area.class, code, Area::code, "area");
    }
}
