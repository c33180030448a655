package org.minga.security;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells this instance's open streams that some credential was just taken away (a link revoked, a
 * code regenerated or deleted, a session or token ended, a facilitator removed or given a new
 * password), so each re-checks its own at once instead of at its next periodic check. Another
 * instance's changes reach these streams at that periodic check ({@link LiveAccess}).
 */
@Component
public class CredentialChanges {

    private final Sinks.Many<Boolean> changes = Sinks.many().multicast().directBestEffort();

    /** Called after the change is stored, so a stream re-checking finds it gone. */
    public synchronized void revoked() {
        changes.tryEmitNext(Boolean.TRUE);
    }

    Flux<Boolean> flux() {
        return changes.asFlux();
    }
}
