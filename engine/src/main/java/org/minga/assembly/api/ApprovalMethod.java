package org.minga.assembly.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the plenary decided on the agenda. */
public enum ApprovalMethod {
    CONSENSUS("consensus"),
    VOTE("vote");

    private final String code;

    ApprovalMethod(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ApprovalMethod fromCode(String code) {
        return Codes.lookup(ApprovalMethod.class, code, ApprovalMethod::code, "method");
    }
}
