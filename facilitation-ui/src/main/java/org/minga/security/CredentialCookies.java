package org.minga.security;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;

/**
 * The cookies that carry a table's code and a share link's token. Each is scoped to its assembly's
 * API path, so a browser sends it only where it can grant something, and a phone can hold the codes
 * of two assemblies at once. Versions before this one set them on "/": joining clears those.
 */
public final class CredentialCookies {

    public static final String TABLE = "minga_table";
    public static final String LINK = "minga_link";

    private CredentialCookies() {
    }

    /** Where a credential of this assembly is sent: its API, pages never need it. */
    public static String scope(HttpServletRequest request, String assemblyId) {
        return request.getContextPath() + "/api/assemblies/" + assemblyId;
    }

    public static ResponseCookie table(HttpServletRequest request, String assemblyId, String code) {
        return ResponseCookie.from(TABLE, code.strip().toUpperCase(Locale.ROOT)).httpOnly(true).secure(request.isSecure())
                .sameSite("Strict").path(scope(request, assemblyId)).maxAge(Duration.ofDays(2)).build();
    }

    public static ResponseCookie link(HttpServletRequest request, String assemblyId, String token) {
        return ResponseCookie.from(LINK, token).httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").path(scope(request, assemblyId)).maxAge(Duration.ofDays(30)).build();
    }

    /** Tells the browser to drop the cookie of this name set on this path. */
    public static ResponseCookie expired(String name, String path) {
        return ResponseCookie.from(name, "").httpOnly(true).path(path).maxAge(Duration.ZERO).build();
    }

    /** The cookie earlier versions set on the whole site. */
    public static ResponseCookie expiredSiteWide(HttpServletRequest request, String name) {
        return expired(name, request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    }
}
