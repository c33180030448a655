package org.minga.ui.web;

import java.util.UUID;

/** Ids the server chooses when a client did not: random, outside the deterministic engine. */
public final class Ids {

    private Ids() {
    }

    public static String orNew(String clientId) {
        return clientId != null ? clientId : UUID.randomUUID().toString().replace("-", "");
    }
}
