package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guessing table codes, link tokens and passwords, as production sees it: forwarded headers on, and
 * one trusted proxy (127.0.0.2, standing in for the gateway). Requests "through the gateway" leave
 * from 127.0.0.2 with an X-Forwarded-For naming the client, so each test guesses as clients of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuessingThrottleTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("guessing");
    private static final String GATEWAY = "127.0.0.2";

    @DynamicPropertySource
    static void productionLikeProxying(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("MINGA_TRUSTED_PROXIES", () -> "127\\.0\\.0\\.2");
    }

    @LocalServerPort
    int port;

    private MingaClient facilitator;
    private String codeOfG1;
    private String codeOfG2;
    private String projectorOfG1;

    @BeforeAll
    void twoAssembliesWithTables() {
        MingaClient basic = new MingaClient("http://127.0.0.1:" + port);
        String token = basic.post("/api/tokens", "{\"label\": \"guessing\"}").expect(201).json().get("token").asText();
        facilitator = basic.with("Authorization", "Bearer " + token);
        codeOfG1 = assemblyWithTables("g1");
        codeOfG2 = assemblyWithTables("g2");
        projectorOfG1 = facilitator.post("/api/assemblies/g1/links", "{\"kind\": \"projector\"}").expect(201).json()
                .get("url").asText().replaceAll(".*[?&]link=", "");
        facilitator.post("/api/facilitators", "{\"username\": \"guarded\", \"password\": \"guarded-password-1\"}").expect(201);
    }

    private String assemblyWithTables(String id) {
        facilitator.post("/api/assemblies", """
                {"assemblyId": "%s", "title": "Adivinanzas", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""".formatted(id)).expect(201);
        for (int i = 1; i <= 2; i++) {
            facilitator.post("/api/assemblies/" + id + "/participants",
                    "{\"participantId\": \"p" + i + "\", \"name\": \"Persona " + i + "\", \"organization\": \"O" + i + "\"}").expect(201);
        }
        JsonNode tables = facilitator.post("/api/assemblies/" + id + "/split-into-tables", "{\"tableSize\": 2}").expect(200).json().get("tables");
        org.awaitility.Awaitility.await().until(() -> facilitator.get("/api/assemblies/" + id + "/board").status() == 200);
        return tables.get(0).get("joinCode").asText();
    }

    @Test
    void onlyTheTrustedProxysForwardedForNamesTheClient() {
        // Straight from 127.0.0.1, which is no trusted proxy: a made-up X-Forwarded-For changes nothing.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            statuses.add(raw("127.0.0.1", "GET", "/api/assemblies/g1/board", Map.of("X-Forwarded-For", "203.0.113." + i + ", 192.168.1.50",
                    AccessCredentialsFilter.TABLE_HEADER, "WRONG" + (char) ('A' + i)), null).status());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 12)).containsOnly(429);

        // Through the trusted proxy, the client it names is the one counted: two clients, two counts.
        for (int i = 0; i < 10; i++) {
            assertThat(viaGateway("198.51.100.1", "GET", "/api/assemblies/g1/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, "ZZZZZ" + i), null)
                    .status()).isEqualTo(401);
        }
        assertThat(viaGateway("198.51.100.1", "GET", "/api/assemblies/g1/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, "ZZZZZZ"), null)
                .status()).isEqualTo(429);
        // What the client itself wrote before the proxy's entry is not believed either.
        assertThat(viaGateway("198.51.100.2, 198.51.100.1", "GET", "/api/assemblies/g1/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, codeOfG1), null)
                .status()).isEqualTo(429);
        assertThat(viaGateway("198.51.100.2", "GET", "/api/assemblies/g1/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, "ZZZZZZ"), null)
                .status()).isEqualTo(401);
        assertThat(viaGateway("198.51.100.2", "GET", "/api/assemblies/g1/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, codeOfG1), null)
                .status()).isEqualTo(200);
    }

    @Test
    void wrongCodesInACookieCountLikeTypedOnesAndTheBrowserIsToldToDropThem() {
        String client = "198.51.100.10";
        for (int i = 0; i < 10; i++) {
            Raw answer = viaGateway(client, "GET", "/api/assemblies/g1/board", Map.of("Cookie", "minga_table=GUES" + i + "X"), null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.mingaCookies()).containsExactlyInAnyOrder("minga_table=; Path=/api/assemblies/g1; Max-Age=0", "minga_table=; Path=/; Max-Age=0");
        }
        assertThat(viaGateway(client, "GET", "/api/assemblies/g1/board", Map.of("Cookie", "minga_table=GUESSX"), null).status()).isEqualTo(429);
        assertThat(viaGateway(client, "GET", "/api/assemblies/g1/board", Map.of("Cookie", "minga_link=guess"), null).status()).isEqualTo(429);

        // A phone whose code was regenerated sends its stale cookie once: counted, dropped, not locked out.
        Raw stale = viaGateway("198.51.100.11", "GET", "/api/assemblies/g1/board", Map.of("Cookie", "minga_table=OLDOLD"), null);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.mingaCookies()).contains("minga_table=; Path=/api/assemblies/g1; Max-Age=0");
    }

    @Test
    void aCodeOrLinkOfAnotherAssemblyIsAnsweredExactlyLikeAWrongOneAndCounts() {
        String client = "198.51.100.20";
        Raw madeUp = viaGateway(client, "GET", "/api/assemblies/g2/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, "QQQQQQ"), null);
        Raw ofG1 = viaGateway(client, "GET", "/api/assemblies/g2/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, codeOfG1), null);
        assertThat(ofG1.status()).isEqualTo(401).isEqualTo(madeUp.status());
        assertThat(ofG1.body()).isEqualTo(madeUp.body()).contains("table.code.invalid");
        Raw madeUpCookie = viaGateway(client, "GET", "/api/assemblies/g2/board", Map.of("Cookie", "minga_table=QQQQQQ"), null);
        Raw ofG1Cookie = viaGateway(client, "GET", "/api/assemblies/g2/board", Map.of("Cookie", "minga_table=" + codeOfG1), null);
        assertThat(ofG1Cookie.status()).isEqualTo(401);
        assertThat(ofG1Cookie.body()).isEqualTo(madeUpCookie.body());
        assertThat(ofG1Cookie.mingaCookies()).isEqualTo(madeUpCookie.mingaCookies()).isNotEmpty();
        Raw linkOfG1 = viaGateway(client, "GET", "/api/assemblies/g2/board", Map.of(AccessCredentialsFilter.LINK_HEADER, projectorOfG1), null);
        Raw madeUpLink = viaGateway(client, "GET", "/api/assemblies/g2/board", Map.of(AccessCredentialsFilter.LINK_HEADER, "not-a-link"), null);
        assertThat(linkOfG1.status()).isEqualTo(401);
        assertThat(linkOfG1.body()).isEqualTo(madeUpLink.body());
        // A share link's page does not tell either: no cookie for a link of another assembly.
        Raw page = viaGateway(client, "GET", "/projector/g2?link=" + projectorOfG1, Map.of(), null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.setCookies()).noneMatch(cookie -> cookie.startsWith("minga_link="));
        // Seven so far; three more of G1's code on G2's path make ten, and then even the right path is refused.
        for (int i = 0; i < 3; i++) {
            assertThat(viaGateway(client, "GET", "/api/assemblies/g2", Map.of(AccessCredentialsFilter.TABLE_HEADER, codeOfG1), null).status()).isEqualTo(401);
        }
        assertThat(viaGateway(client, "GET", "/api/assemblies/g1/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, codeOfG1), null).status()).isEqualTo(429);
    }

    @Test
    void codesOutsideAnAssemblysApiAreNeitherTakenNorCounted() {
        String client = "198.51.100.30";
        for (int i = 0; i < 15; i++) {
            assertThat(viaGateway(client, "GET", "/api/assemblies", Map.of(AccessCredentialsFilter.TABLE_HEADER, "NOPE" + i), null).status()).isEqualTo(401);
            assertThat(viaGateway(client, "GET", "/actuator/prometheus", Map.of("Cookie", "minga_table=" + codeOfG1), null).status()).isEqualTo(401);
        }
        assertThat(viaGateway(client, "GET", "/api/assemblies/g1/board", Map.of(AccessCredentialsFilter.TABLE_HEADER, codeOfG1), null).status()).isEqualTo(200);
    }

    @Test
    void joiningSetsTheCodeOnItsAssemblysApiOnlyAndClearsTheSiteWideCookieOfEarlierVersions() {
        Raw typed = viaGateway("198.51.100.40", "POST", "/api/join", Map.of("Content-Type", "application/json"), "{\"code\": \"" + codeOfG2 + "\"}");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.mingaCookies()).contains("minga_table=; Path=/; Max-Age=0");
        assertThat(typed.setCookies()).anyMatch(cookie -> cookie.startsWith("minga_table=" + codeOfG2 + "; Path=/api/assemblies/g2;") && cookie.contains("HttpOnly"));
        Raw scanned = viaGateway("198.51.100.40", "GET", "/join/" + codeOfG1.toLowerCase(Locale.ROOT), Map.of(), null);
        assertThat(scanned.status()).isEqualTo(302);
        assertThat(scanned.mingaCookies()).contains("minga_table=; Path=/; Max-Age=0");
        assertThat(scanned.setCookies()).anyMatch(cookie -> cookie.startsWith("minga_table=" + codeOfG1 + "; Path=/api/assemblies/g1;"));
        Raw linkPage = viaGateway("198.51.100.40", "GET", "/projector/g1?link=" + projectorOfG1, Map.of(), null);
        assertThat(linkPage.setCookies()).anyMatch(cookie -> cookie.startsWith("minga_link=" + projectorOfG1 + "; Path=/api/assemblies/g1;"));
        // Holding the codes of two assemblies, each cookie is sent and works on its own assembly.
        assertThat(viaGateway("198.51.100.40", "GET", "/api/assemblies/g1/board", Map.of("Cookie", "minga_table=" + codeOfG1), null).status()).isEqualTo(200);
        assertThat(viaGateway("198.51.100.40", "GET", "/api/assemblies/g2/board", Map.of("Cookie", "minga_table=" + codeOfG2), null).status()).isEqualTo(200);
    }

    @Test
    void manyWrongCodesAtOnceAreStillOnlyTenEvaluated() throws Exception {
        List<Integer> statuses = AllAtOnce.statuses(32, i -> viaGateway("198.51.100.50", "GET", "/api/assemblies/g1/board",
                Map.of(AccessCredentialsFilter.TABLE_HEADER, "P" + (10000 + i)), null).status());
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(32 - 10);
    }

    @Test
    void manyRightPasswordsAndCodesAtOnceFromOneClientAreAllLetIn() throws Exception {
        // Attempts being checked fill the window for a moment; the next ones wait for them instead of being refused.
        List<Integer> statuses = AllAtOnce.statuses(16, i -> viaGateway("198.51.100.90", "GET", "/api/facilitators",
                Map.of("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD)), null).status());
        assertThat(statuses).containsOnly(200);
        statuses = AllAtOnce.statuses(32, i -> viaGateway("198.51.100.91", "GET", "/api/assemblies/g1",
                Map.of(AccessCredentialsFilter.TABLE_HEADER, codeOfG1), null).status());
        assertThat(statuses).containsOnly(200);
    }

    @Test
    void anAccountTakesTenWrongPasswordsFromAnywhereThenRefusesEvenTheRightOneForAWhile() {
        for (int i = 0; i < 10; i++) {
            assertThat(viaGateway("198.51.100." + (60 + i), "GET", "/api/facilitators",
                    Map.of("Authorization", MingaClient.basic("guarded", "wrong-password-" + i)), null).status()).isEqualTo(401);
        }
        Raw basic = viaGateway("198.51.100.71", "GET", "/api/facilitators",
                Map.of("Authorization", MingaClient.basic("guarded", "guarded-password-1"), "Accept-Language", "en"), null);
        assertThat(basic.status()).isEqualTo(429);
        assertThat(basic.header("content-type")).startsWith("application/problem+json");
        assertThat(basic.body()).contains("sign-in.locked").contains("too many wrong passwords");
        Raw form = signIn("198.51.100.72", "guarded", "guarded-password-1");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("location")).endsWith("/login?error=locked");
        assertThat(form.setCookies()).noneMatch(cookie -> cookie.startsWith(SignedInSessions.COOKIE + "=") || cookie.startsWith("JSESSIONID"));
        // Other accounts are untouched.
        assertThat(signIn("198.51.100.72", MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD).header("location")).endsWith("/console");
    }

    @Test
    void aClientTakesTenWrongPasswordsAMinuteForAnyAccountsAndAFailedSignInLeavesNoSession() {
        String client = "198.51.100.80";
        for (int i = 0; i < 10; i++) {
            Raw refused = signIn(client, "nobody-" + i, "wrong-password");
            assertThat(refused.status()).isEqualTo(302);
            assertThat(refused.header("location")).endsWith("/login?error");
            assertThat(refused.setCookies()).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        }
        assertThat(signIn(client, MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD).header("location")).endsWith("/login?error=throttled");
        Raw basic = viaGateway(client, "GET", "/api/facilitators",
                Map.of("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD)), null);
        assertThat(basic.status()).isEqualTo(429);
        assertThat(basic.body()).contains("sign-in.throttled");
        // Another client signs in as usual.
        assertThat(signIn("198.51.100.81", MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD).header("location")).endsWith("/console");
    }

    private Raw signIn(String client, String user, String password) {
        String csrf = UUID.randomUUID().toString();
        String form = "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        return viaGateway(client, "POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", "XSRF-TOKEN=" + csrf), form);
    }

    /** An answer read off the socket: status, headers (names in lower case) and body. */
    record Raw(int status, Map<String, List<String>> headers, String body) {
        List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        /** Minga's credential cookies as name, value, path and age: what decides where a browser sends them. */
        List<String> mingaCookies() {
            return setCookies().stream().filter(cookie -> cookie.startsWith("minga_"))
                    .map(cookie -> cookie.replaceAll("; (Expires|HttpOnly|SameSite|Secure)[^;]*", "")).toList();
        }

        String header(String name) {
            return headers.getOrDefault(name, List.of("")).get(0);
        }
    }

    /** A request as the gateway forwards it: from the trusted proxy's address, naming the client. */
    private Raw viaGateway(String forwardedFor, String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Forwarded-For", forwardedFor);
        return raw(GATEWAY, method, path, all, body);
    }

    private Raw raw(String from, String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(15000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            String answer = read.toString(StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                answerHeaders.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " from " + from + " failed", e);
        }
    }
}
