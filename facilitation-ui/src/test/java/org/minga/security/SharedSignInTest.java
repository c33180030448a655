package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryRecord;
import org.minga.registry.storage.RegistryStorage;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A facilitator signs in on the login page once and the console keeps working whichever instance
 * answers: the sign-in is a cookie whose hash is in the registry (MongoDB when several instances share it),
 * and no instance keeps an HTTP session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedSignInTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("sign-in");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    RegistryStorage registry;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginPageGivesASessionCookieThatAnotherInstanceRecognisesAndSigningOutEndsIt() throws Exception {
        String csrf = cookie(http.send(get("/login", ""), HttpResponse.BodyHandlers.discarding()), "XSRF-TOKEN").orElseThrow();

        HttpResponse<Void> signedIn = http.send(signIn("test-facilitator-password", csrf), HttpResponse.BodyHandlers.discarding());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console");
        String session = cookie(signedIn, SignedInSessions.COOKIE).orElseThrow();
        assertThat(setCookies(signedIn)).anySatisfy(header -> assertThat(header)
                .startsWith(SignedInSessions.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax").contains("Max-Age=43200"));
        assertThat(setCookies(signedIn)).noneMatch(header -> header.startsWith("JSESSIONID"));

        HttpResponse<String> console = http.send(get("/api/assemblies", SignedInSessions.COOKIE + "=" + session), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(setCookies(console)).noneMatch(header -> header.startsWith("JSESSIONID"));

        // Only the hash is stored; another instance reading the same registry knows the facilitator.
        List<RegistryRecord> stored = registry.all(RegistryKinds.SESSIONS);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).id() + stored.get(0).fields()).doesNotContain(session).contains("facilitator");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new jakarta.servlet.http.Cookie(SignedInSessions.COOKIE, session));
        Authentication seenElsewhere = new SignedInSessions(registry, Clock.systemUTC(), new CredentialChanges()).loadDeferredContext(request).get().getAuthentication();
        assertThat(seenElsewhere.getName()).isEqualTo("facilitator");
        assertThat(seenElsewhere.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FACILITATOR");

        HttpResponse<Void> signedOut = http.send(HttpRequest.newBuilder(uri("/logout"))
                .header("Cookie", SignedInSessions.COOKIE + "=" + session + "; XSRF-TOKEN=" + csrf)
                .header("X-XSRF-TOKEN", csrf)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(registry.count(RegistryKinds.SESSIONS)).isZero();
        assertThat(http.send(get("/api/assemblies", SignedInSessions.COOKIE + "=" + session), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordGivesNoSession() throws Exception {
        String csrf = cookie(http.send(get("/login", ""), HttpResponse.BodyHandlers.discarding()), "XSRF-TOKEN").orElseThrow();

        HttpResponse<Void> refused = http.send(signIn("not-the-password", csrf), HttpResponse.BodyHandlers.discarding());

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(cookie(refused, SignedInSessions.COOKIE)).isEmpty();
    }

    @Test
    void aForgedSessionCookieIsNobody() throws Exception {
        assertThat(http.send(get("/api/assemblies", SignedInSessions.COOKIE + "=0123456789abcdef"), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        assertThat(new MingaClient("http://localhost:" + port).get("/api/assemblies").status()).isEqualTo(200);
    }

    @Test
    void anApiCallRefusedBeforeSigningInIsNotWhereTheSignInLeads() throws Exception {
        // A phone reading an assembly it has no code for is answered 401; signing in on that browser later leads to the console.
        HttpResponse<Void> refused = http.send(get("/api/assemblies/elsewhere/board", ""), HttpResponse.BodyHandlers.discarding());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(setCookies(refused)).noneMatch(header -> header.startsWith("REDIRECT_URI=") && !header.startsWith("REDIRECT_URI=;"));

        HttpResponse<Void> page = http.send(get("/console", ""), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(cookie(page, "REDIRECT_URI")).as("a page is still remembered").isPresent();
    }

    @Test
    void aChangeWithTheSignInCookieNeedsTheCsrfTokenWhateverHeadersComeWithIt() throws Exception {
        String csrf = cookie(http.send(get("/login", ""), HttpResponse.BodyHandlers.discarding()), "XSRF-TOKEN").orElseThrow();
        String session = cookie(http.send(signIn("test-facilitator-password", csrf), HttpResponse.BodyHandlers.discarding()),
                SignedInSessions.COOKIE).orElseThrow();
        String cookies = SignedInSessions.COOKIE + "=" + session + "; XSRF-TOKEN=" + csrf;

        // A page on another site can make the browser send the cookie, and add a header of its choosing.
        assertThat(createAssembly("x1", cookies).statusCode()).isEqualTo(403);
        assertThat(createAssembly("x2", cookies, "Authorization", "Bearer junk").statusCode()).isEqualTo(403);
        assertThat(createAssembly("x3", cookies, AccessCredentialsFilter.TABLE_HEADER, "ABCDEF").statusCode()).isEqualTo(403);
        assertThat(createAssembly("x4", cookies, AccessCredentialsFilter.LINK_HEADER, "junk").statusCode()).isEqualTo(403);
        HttpResponse<String> refused = createAssembly("x5", cookies, "Authorization", "Bearer junk");
        assertThat(refused.body()).contains("access.csrf");

        assertThat(createAssembly("x6", cookies, "X-XSRF-TOKEN", csrf).statusCode()).isEqualTo(201);
        assertThat(createAssembly("x7", cookies, "X-XSRF-TOKEN", csrf, "Authorization", "Bearer junk").statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> createAssembly(String id, String cookies, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/assemblies"))
                .header("Content-Type", "application/json")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"assemblyId": "%s", "title": "Cruzada", "region": "Cauca", "date": "2026-03-14",
                         "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""".formatted(id)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest signIn(String password, String csrf) {
        String form = "username=facilitator&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        return HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private HttpRequest get(String path, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return request.build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return setCookies(response).stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
                .filter(value -> !value.isEmpty())
                .findFirst();
    }
}
