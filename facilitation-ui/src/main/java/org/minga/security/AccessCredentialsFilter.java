package org.minga.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Recognises the credentials that are not a facilitator's session or Basic login: a facilitator's
 * Bearer API token, a table code (header {@value #TABLE_HEADER} or the cookie set by joining) and
 * a share link (cookie set by opening its URL, or header {@value #LINK_HEADER}). They hold for this
 * request only; nothing is put in a session.
 */
public class AccessCredentialsFilter extends OncePerRequestFilter {

    public static final String TABLE_HEADER = "X-Minga-Table-Code";
    public static final String LINK_HEADER = "X-Minga-Link";
    public static final String TABLE_COOKIE = "minga_table";
    public static final String LINK_COOKIE = "minga_link";

    private final Facilitators facilitators;
    private final TableCodes tableCodes;
    private final ShareLinks shareLinks;
    private final WrongCodeThrottle throttle;

    public AccessCredentialsFilter(Facilitators facilitators, TableCodes tableCodes, ShareLinks shareLinks, WrongCodeThrottle throttle) {
        this.facilitators = facilitators;
        this.tableCodes = tableCodes;
        this.shareLinks = shareLinks;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
            chain.doFilter(request, response);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<String> user = facilitators.usernameOfToken(authorization.substring(7).strip());
            if (user.isEmpty()) {
                ProblemWriter.write(request, response, Refusal.ACCESS_UNAUTHENTICATED);
                return;
            }
            authenticate(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, Facilitators.authorities()));
            chain.doFilter(request, response);
            return;
        }
        String codeHeader = request.getHeader(TABLE_HEADER);
        String linkHeader = request.getHeader(LINK_HEADER);
        String code = codeHeader != null ? codeHeader : cookie(request, TABLE_COOKIE);
        String link = linkHeader != null ? linkHeader : cookie(request, LINK_COOKIE);
        if (code != null || link != null) {
            String client = request.getRemoteAddr();
            if (throttle.blocked(client)) {
                ProblemWriter.write(request, response, Refusal.ACCESS_THROTTLED);
                return;
            }
            Optional<Authentication> table = tableCodes.tableOf(code).map(Grants.TableGrant::new);
            Optional<Authentication> share = shareLinks.accessOf(link).map(Grants.LinkGrant::new);
            if (table.isEmpty() && share.isEmpty()) {
                // A code or token the client typed or sent is a guess; a stale cookie (a regenerated code, a
                // revoked link) is just forgotten, so a phone is not locked out by its own old cookie.
                if (codeHeader != null || linkHeader != null) {
                    throttle.wrong(client);
                    ProblemWriter.write(request, response, codeHeader != null ? Refusal.TABLE_CODE_INVALID : Refusal.ACCESS_UNAUTHENTICATED);
                    return;
                }
            } else {
                // A phone may hold a table's code and a projector link: the one that grants this request counts.
                String path = request.getRequestURI().substring(request.getContextPath().length());
                Authentication chosen = Stream.of(table, share).flatMap(Optional::stream)
                        .filter(grant -> grants(grant, request.getMethod(), path))
                        .findFirst()
                        .orElse(table.orElseGet(share::get));
                authenticate(chosen);
            }
        }
        chain.doFilter(request, response);
    }

    /** Only the API and the metrics take these credentials; pages are static and joining is how a code is first given. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/actuator")) || path.equals("/api/join");
    }

    private static boolean grants(Authentication grant, String method, String path) {
        return grant instanceof Grants.TableGrant table ? AccessPolicy.tableMay(table.table(), method, path)
                : grant instanceof Grants.LinkGrant link && AccessPolicy.linkMay(link.link(), method, path);
    }

    private static void authenticate(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue)
                .findFirst().orElse(null);
    }
}
