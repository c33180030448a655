package org.minga.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a request says who sends it: one header, as a script, a table's phone or a projector sends it. */
public record Credential(String header, String value) {

    /** A facilitator's API token; cheap to check, unlike Basic. */
    public static Credential bearer(String token) {
        return new Credential("Authorization", "Bearer " + token);
    }

    /** Costs a BCrypt check on every request: used once, to create a token. */
    public static Credential basic(String user, String password) {
        String pair = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Credential("Authorization", "Basic " + pair);
    }

    /** A table's phone: the join code from its table card. */
    public static Credential tableCode(String joinCode) {
        return new Credential("X-Minga-Table-Code", joinCode);
    }

    /** A projector: the token of its share link. */
    public static Credential shareLink(String linkToken) {
        return new Credential("X-Minga-Link", linkToken);
    }
}
