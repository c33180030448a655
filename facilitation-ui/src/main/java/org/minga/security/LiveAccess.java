package org.minga.security;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps a long-lived answer (the board stream) no longer than the credential that opened it. The
 * credential is checked again whenever this instance takes one away, and every
 * {@code minga.streams.recheck} (15 s, the heartbeat) for what changed elsewhere: a link revoked on
 * another instance, a session or token expired, a code regenerated or closed, a facilitator removed
 * or given a new password.
 */
@Component
public class LiveAccess {

    private static final Logger log = LoggerFactory.getLogger(LiveAccess.class);

    private final Facilitators facilitators;
    private final SignedInSessions sessions;
    private final TableCodes tableCodes;
    private final ShareLinks shareLinks;
    private final CredentialChanges changes;
    private final Duration recheck;

    public LiveAccess(Facilitators facilitators, SignedInSessions sessions, TableCodes tableCodes, ShareLinks shareLinks,
                      CredentialChanges changes, @Value("${minga.streams.recheck:PT15S}") Duration recheck) {
        this.facilitators = facilitators;
        this.sessions = sessions;
        this.tableCodes = tableCodes;
        this.shareLinks = shareLinks;
        this.changes = changes;
        this.recheck = recheck;
    }

    /**
     * Completes once the credential this request was let in with no longer holds. Read the
     * credential now, on the request's thread: the request is gone by the time the stream ends.
     */
    public Mono<Void> lost(HttpServletRequest request, Authentication who) {
        BooleanSupplier holds = checkOf(request, who);
        return Flux.merge(changes.flux().map(change -> 0L), Flux.interval(recheck))
                .publishOn(Schedulers.boundedElastic())
                .filter(reason -> !stillHolds(holds))
                .next()
                .then();
    }

    private static boolean stillHolds(BooleanSupplier holds) {
        try {
            return holds.getAsBoolean();
        } catch (RuntimeException e) {
            // The store did not answer: keep the viewer and ask again at the next check.
            log.warn("Could not re-check a stream's access: {}", e.toString());
            return true;
        }
    }

    private BooleanSupplier checkOf(HttpServletRequest request, Authentication who) {
        if (who instanceof Grants.TableGrant table) {
            String code = credential(request, AccessCredentialsFilter.TABLE_HEADER, AccessCredentialsFilter.TABLE_COOKIE);
            return () -> tableCodes.tableOf(code).filter(table.table()::equals).isPresent();
        }
        if (who instanceof Grants.LinkGrant link) {
            String token = credential(request, AccessCredentialsFilter.LINK_HEADER, AccessCredentialsFilter.LINK_COOKIE);
            return () -> shareLinks.accessOf(token).filter(access -> access.linkId().equals(link.link().linkId())).isPresent();
        }
        if (who == null) {
            return () -> false;
        }
        String username = who.getName();
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return () -> facilitators.usernameOfToken(token).filter(username::equals).isPresent();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // The password was checked on the way in; a new password or a removal changes the stored hash.
            Optional<String> hash = facilitators.passwordHashOf(username);
            return () -> hash.isPresent() && facilitators.passwordHashOf(username).equals(hash);
        }
        String session = AccessCredentialsFilter.cookie(request, SignedInSessions.COOKIE);
        return () -> sessions.usernameOf(session).filter(username::equals).isPresent();
    }

    /** The header wins over the cookie, as in {@link AccessCredentialsFilter}. */
    private static String credential(HttpServletRequest request, String header, String cookie) {
        String value = request.getHeader(header);
        return value != null ? value : AccessCredentialsFilter.cookie(request, cookie);
    }
}
