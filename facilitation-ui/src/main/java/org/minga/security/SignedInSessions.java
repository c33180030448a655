package org.minga.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.registry.storage.Match;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryRecord;
import org.minga.registry.storage.RegistryStorage;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A facilitator's sign-in from the login page, kept in the registry instead of one instance's memory:
 * a random token in an HttpOnly cookie, stored only as its SHA-256 with the facilitator's name and
 * an expiry {@value #HOURS} hours on. Any instance reading the same registry knows the facilitator,
 * so the console keeps working behind a load balancer and across a restart or an upgrade.
 * Minga keeps no HTTP session at all.
 */
@Component
public class SignedInSessions implements SecurityContextRepository {

    public static final String COOKIE = "minga_session";
    static final int HOURS = 12;

    private final RegistryStorage storage;
    private final Clock clock;
    private final CredentialChanges changes;

    public SignedInSessions(RegistryStorage storage, Clock clock, CredentialChanges changes) {
        this.storage = storage;
        this.clock = clock;
        this.changes = changes;
    }

    /** After a successful sign-in: a new session and its cookie. Expired sessions are swept at the same time. */
    public void open(String username, HttpServletRequest request, HttpServletResponse response) {
        long now = clock.millis();
        storage.delete(RegistryKinds.SESSIONS, Match.below("expiresAt", now));
        String token = Secrets.token();
        storage.insert(RegistryKinds.SESSIONS, RegistryRecord.withId(Secrets.sha256(token)).with("username", username)
                .with("expiresAt", now + Duration.ofHours(HOURS).toMillis()));
        write(response, request, token, Duration.ofHours(HOURS));
    }

    /** Signing out ends the session everywhere, not only in this browser. */
    public void close(HttpServletRequest request, HttpServletResponse response) {
        String token = AccessCredentialsFilter.cookie(request, COOKIE);
        if (token != null) {
            storage.delete(RegistryKinds.SESSIONS, Secrets.sha256(token));
            changes.revoked();
        }
        write(response, request, "", Duration.ZERO);
    }

    /** Ends every sign-in of this facilitator, on every browser (a new password, a removed facilitator). */
    public void closeAllOf(String username) {
        storage.delete(RegistryKinds.SESSIONS, Match.is("username", username));
        changes.revoked();
    }

    /** The facilitator this session cookie still signs in, if it does. */
    java.util.Optional<String> usernameOf(String token) {
        if (token == null || token.isEmpty()) {
            return java.util.Optional.empty();
        }
        // A session is good until its expiry, which is also the cookie's: a stolen cookie cannot outlive it.
        return storage.get(RegistryKinds.SESSIONS, Secrets.sha256(token))
                .filter(session -> session.number("expiresAt") >= clock.millis())
                .map(session -> session.text("username"));
    }

    @Override
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    /** Read once per request, when authorization first asks who is there. */
    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = load(request);
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    /** Sessions begin only at {@link #open}; nothing else a request does is remembered. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return AccessCredentialsFilter.cookie(request, COOKIE) != null;
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        return usernameOf(AccessCredentialsFilter.cookie(request, COOKIE))
                .<SecurityContext>map(username -> new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, Facilitators.authorities())))
                .orElse(context);
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, String value, Duration maxAge) {
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build().toString());
    }
}
