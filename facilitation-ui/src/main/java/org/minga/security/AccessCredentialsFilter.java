package org.minga.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.minga.ui.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Recognises the credentials that are not a facilitator's session or Basic login: a facilitator's
 * Bearer API token, a table code (header {@value #TABLE_HEADER} or the cookie set by joining) and
 * a share link (cookie set by opening its URL, or header {@value #LINK_HEADER}). They hold for this
 * request only; nothing is put in a session. Every code or link token looked at is an attempt for
 * {@link WrongCodeThrottle}: only right ones, on their own assembly's API, are given back.
 */
public class AccessCredentialsFilter extends OncePerRequestFilter {

    public static final String TABLE_HEADER = "X-Minga-Table-Code";
    public static final String LINK_HEADER = "X-Minga-Link";
    public static final String TABLE_COOKIE = CredentialCookies.TABLE;
    public static final String LINK_COOKIE = CredentialCookies.LINK;

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
                Problems.write(request, response, Refusal.ACCESS_UNAUTHENTICATED);
                return;
            }
            authenticate(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, Facilitators.authorities()));
            chain.doFilter(request, response);
            return;
        }
        // Codes and links grant only on their assembly's API, so only there are they looked at (and counted).
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String assemblyId = AccessPolicy.assemblyOf(path);
        List<Presented> presented = assemblyId == null ? List.of() : presented(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        List<Authentication> grants = new ArrayList<>();
        Set<String> wrongCookies = new LinkedHashSet<>();
        Set<String> rightCookies = new LinkedHashSet<>();
        Refusal wrong = null;
        for (Presented credential : presented) {
            // Reserved before the lookup, so that many guesses at once cannot all get past the limit.
            AttemptWindow.Attempt attempt = throttle.reserve(client);
            if (attempt == null) {
                Problems.write(request, response, Refusal.ACCESS_THROTTLED);
                return;
            }
            // A code or link of another assembly is answered exactly like a wrong one: a code never tells
            // which assembly it belongs to.
            Optional<Authentication> grant;
            try {
                grant = credential.table()
                        ? tableCodes.tableOf(credential.value()).filter(t -> t.assemblyId().equals(assemblyId)).map(Grants.TableGrant::new)
                        : shareLinks.accessOf(credential.value()).filter(l -> l.assemblyId().equals(assemblyId)).map(Grants.LinkGrant::new);
            } catch (RuntimeException unchecked) {
                throttle.right(attempt); // not checked, so not a guess
                throw unchecked;
            }
            if (grant.isPresent()) {
                throttle.right(attempt);
                grants.add(grant.get());
                if (credential.cookie() != null) {
                    rightCookies.add(credential.cookie());
                }
            } else {
                throttle.wrong(attempt);
                if (wrong == null) {
                    wrong = credential.table() ? Refusal.TABLE_CODE_INVALID : Refusal.ACCESS_UNAUTHENTICATED;
                }
                if (credential.cookie() != null) {
                    wrongCookies.add(credential.cookie());
                }
            }
        }
        // A wrong cookie (a regenerated code, a revoked link, a guess) has counted once; the browser drops it so a
        // phone is not locked out by its own old cookie. Cookies of earlier versions lived on "/"; ours on the
        // assembly's path, which is kept when one of its values was right.
        for (String name : wrongCookies) {
            response.addHeader(HttpHeaders.SET_COOKIE, CredentialCookies.expiredSiteWide(request, name).toString());
            if (!rightCookies.contains(name)) {
                response.addHeader(HttpHeaders.SET_COOKIE,
                        CredentialCookies.expired(name, CredentialCookies.scope(request, assemblyId)).toString());
            }
        }
        if (grants.isEmpty()) {
            Problems.write(request, response, wrong);
            return;
        }
        // A phone may hold a table's code and a projector link: the one that grants this request counts.
        Authentication chosen = grants.stream()
                .filter(grant -> grants(grant, request.getMethod(), path))
                .findFirst()
                .orElse(grants.get(0));
        authenticate(chosen);
        chain.doFilter(request, response);
    }

    /** A code or link token sent with a request, and the cookie that carried it (null for a header). */
    private record Presented(boolean table, String value, String cookie) {
    }

    private static List<Presented> presented(HttpServletRequest request) {
        List<Presented> presented = new ArrayList<>();
        String codeHeader = request.getHeader(TABLE_HEADER);
        if (codeHeader != null) {
            presented.add(new Presented(true, codeHeader, null));
        }
        String linkHeader = request.getHeader(LINK_HEADER);
        if (linkHeader != null) {
            presented.add(new Presented(false, linkHeader, null));
        }
        Cookie[] cookies = request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (cookie.getName().equals(TABLE_COOKIE)) {
                presented.add(new Presented(true, cookie.getValue(), TABLE_COOKIE));
            } else if (cookie.getName().equals(LINK_COOKIE)) {
                presented.add(new Presented(false, cookie.getValue(), LINK_COOKIE));
            }
        }
        return presented;
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
