package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minga.ui.MingaClient;
import org.minga.ui.MutableClock;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint against every kind of caller, each answered with its exact status: 401 for
 * nobody, 403 for someone identified whose role does not reach the endpoint, and for a caller the
 * role allows, the endpoint's own success (200, 201). Allowed calls use real ids, and a call that
 * changes the assembly gets a small assembly of its own at the right step, so every allowed caller's
 * call really succeeds. Callers carry their credential as the real client does: a script's Bearer
 * token or header, a facilitator's sign-in cookie with the CSRF header, the table cookie set by
 * joining, the share-link cookie set by opening the link; cookies go only where their Path lets a
 * browser send them, and a table code or link counts only on its own assembly's API (elsewhere its
 * holder is nobody, 401). Then credentials that ended: revoked links and tokens and an expired table
 * code are nobody (401). Fewer than ten wrong codes or links are sent in all, under the
 * wrong-code throttle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked: Prometheus is what is under test here.
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("matrix");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("minga.demo.seconds", () -> "5");
    }

    /** Moves time past a table code's lifetime at the end. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock();
        }
    }

    enum Caller {
        ANONYMOUS,
        /** A script: {@code Authorization: Bearer} with an API token. */
        FACILITATOR,
        /** The console: the sign-in cookie from the login page, and the CSRF header on changes. */
        SIGNED_IN_FACILITATOR,
        /** A script with table A's code in {@code X-Minga-Table-Code}. */
        TABLE_A,
        /** A phone that joined table A: the cookie {@code POST /api/join} set. */
        TABLE_A_JOINED,
        TABLE_B,
        /** The projector link's token in {@code X-Minga-Link}. */
        PROJECTOR,
        /** The auditor link's token in {@code X-Minga-Link}. */
        AUDITOR,
        /** A browser that opened the auditor link: the cookie the page set. */
        AUDITOR_OPENED,
        /** The public agenda link's token in {@code X-Minga-Link}. */
        PUBLIC,
        /** A browser that opened the public agenda link: the cookie the agenda page set. */
        PUBLIC_OPENED
    }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> FACILITATORS = EnumSet.of(Caller.FACILITATOR, Caller.SIGNED_IN_FACILITATOR);
    private static final Set<Caller> TABLE_A = with(FACILITATORS, Caller.TABLE_A, Caller.TABLE_A_JOINED);
    private static final Set<Caller> TABLE_B = with(FACILITATORS, Caller.TABLE_B);
    private static final Set<Caller> TABLES = with(TABLE_A, Caller.TABLE_B);
    private static final Set<Caller> AUDITORS = with(FACILITATORS, Caller.AUDITOR, Caller.AUDITOR_OPENED);
    private static final Set<Caller> AUDIT_READERS = with(TABLES, Caller.AUDITOR, Caller.AUDITOR_OPENED);
    /** A public link reads the agenda and the summary that heads its page (without participants), nothing else. */
    private static final Set<Caller> AGENDA_READERS = with(AUDIT_READERS, Caller.PUBLIC, Caller.PUBLIC_OPENED);
    private static final Set<Caller> SUMMARY_READERS = AGENDA_READERS;
    private static final Set<Caller> BOARD_READERS = with(AUDIT_READERS, Caller.PROJECTOR);

    private static Set<Caller> with(Set<Caller> some, Caller... more) {
        EnumSet<Caller> all = EnumSet.copyOf(some);
        all.addAll(List.of(more));
        return all;
    }

    /** How far an assembly has come: a row that changes an assembly gets a fresh one at its step. */
    enum Stage { REGISTERED, NEEDS, SOLUTIONS, WORK_PLAN, SPOKESPEOPLE, PINNABLE, PLENARY, APPROVED }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger counter = new AtomicInteger();
    private Client facilitator;
    private Client signedIn;
    /** Where denied callers and readers ask: an assembly whose agenda is approved. */
    private Room shared;
    private final Map<String, Room> roomsOfRows = new java.util.HashMap<>();
    /** Whom a denied caller tries to remove: someone real, left alone when the denial holds. */
    private String bystander;

    @BeforeAll
    void prepareTheRoom() {
        // A token is as good as a password for scripts, and much faster than BCrypt on every request.
        Client basic = new Client().header("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD));
        String token = basic.send("POST", "/api/tokens", "{\"label\": \"matrix\"}").expect(201).json().get("token").asText();
        facilitator = new Client().header("Authorization", "Bearer " + token);
        signedIn = signIn();
        shared = room(Stage.APPROVED);
    }

    /** Signs in on the login page as a browser does: the CSRF cookie from the page, echoed in the form. */
    private Client signIn() {
        Client browser = new Client();
        browser.send("GET", "/login", null).expect(200);
        String csrf = browser.cookie("XSRF-TOKEN");
        assertThat(csrf).as("the login page's CSRF cookie").isNotNull();
        String form = "username=" + MingaClient.FACILITATOR + "&password="
                + URLEncoder.encode(MingaClient.FACILITATOR_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        Answer signedIn = browser.send("POST", "/login", form, "application/x-www-form-urlencoded").expect(302);
        assertThat(signedIn.header("Location")).endsWith("/console");
        assertThat(browser.cookie(SignedInSessions.COOKIE)).as("the sign-in cookie").isNotNull();
        // Signing in replaces the CSRF token; the console's next page brings the new one.
        return browser.withCsrfCookie();
    }

    // ------------------------------------------------------------------------------------------ the matrix

    /** One endpoint: who may call it, what it answers them, and the request on a given assembly. */
    record Row(String method, String path, Set<Caller> allowed, int success, Fresh fresh, Stage stage, Function<Call, Request> request) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Request(String path, String body) {
    }

    /** Who calls, on which assembly; setting something up for an allowed caller's own change is the row's business. */
    record Call(Room room, Caller caller, boolean allowed) {
        /** Alternates between callers in their order, so the next allowed caller's change is a change again. */
        int turn() {
            return caller.ordinal() % 2;
        }
    }

    /**
     * Where an allowed caller's change happens: on the shared assembly (it adds something new), on one fresh
     * assembly for the row (each caller changes it again), or on a fresh assembly for each caller (it happens once).
     */
    enum Fresh { NO, PER_ROW, PER_CALLER }

    /** Every endpoint of docs/API.md, with who may call it. */
    Stream<Arguments> endpoints() {
        List<Row> rows = new ArrayList<>();
        // Assemblies
        rows.add(read("/api/assemblies", FACILITATORS, r -> "/api/assemblies"));
        rows.add(add("POST", "/api/assemblies", FACILITATORS, 201,
                r -> new Request("/api/assemblies", schedule("new-" + counter.incrementAndGet()))));
        rows.add(read("/api/assemblies/{a}", SUMMARY_READERS, r -> r.path("")));
        rows.add(once("POST", "/api/assemblies/{a}/close", FACILITATORS, 200, Stage.NEEDS, r -> new Request(r.path("/close"), null)));
        // People and tables
        rows.add(add("POST", "/api/assemblies/{a}/participants", FACILITATORS, 201,
                r -> new Request(r.path("/participants"), participant("late-" + counter.incrementAndGet()))));
        rows.add(read("/api/assemblies/{a}/participants", FACILITATORS, r -> r.path("/participants")));
        rows.add(new Row("DELETE", "/api/assemblies/{a}/participants/{p}/personal-data", FACILITATORS, 200, Fresh.NO, null,
                c -> new Request(c.room().path("/participants/" + (c.allowed() ? registeredIn(c.room()) : c.room().membersA.get(0))
                        + "/personal-data"), null)));
        rows.add(new Row("POST", "/api/assemblies/{a}/participants/{p}/seat", FACILITATORS, 200, Fresh.NO, null,
                c -> new Request(c.room().path("/participants/" + (c.allowed() ? registeredIn(c.room()) : c.room().membersA.get(0)) + "/seat"),
                        "{\"tableId\": \"" + c.room().tableB + "\"}")));
        rows.add(again("PUT", "/api/assemblies/{a}/participants/{p}", FACILITATORS, 200, Stage.NEEDS,
                c -> new Request(c.room().path("/participants/" + c.room().membersA.get(0)),
                        "{\"name\": \"Nombre corregido\", \"organization\": \"Organización " + c.caller().ordinal() + "\"}")));
        rows.add(once("POST", "/api/assemblies/{a}/split-into-tables", FACILITATORS, 200, Stage.REGISTERED,
                r -> new Request(r.path("/split-into-tables"), "{\"tableSize\": 2}")));
        rows.add(read("/api/assemblies/{a}/tables", FACILITATORS, r -> r.path("/tables")));
        rows.add(read("/api/assemblies/{a}/tables/{tA}/members", TABLE_A, r -> r.path("/tables/" + r.tableA + "/members")));
        rows.add(read("/api/assemblies/{a}/tables/{tB}/members", TABLE_B, r -> r.path("/tables/" + r.tableB + "/members")));
        rows.add(again("PUT", "/api/assemblies/{a}/tables/{tA}/leader", FACILITATORS, 200, Stage.NEEDS,
                c -> new Request(c.room().path("/tables/" + c.room().tableA + "/leader"),
                        "{\"participantId\": \"" + c.room().membersA.get(c.turn()) + "\"}")));
        rows.add(again("POST", "/api/assemblies/{a}/tables/{tA}/join-code", FACILITATORS, 200, Stage.NEEDS,
                c -> new Request(c.room().path("/tables/" + c.room().tableA + "/join-code"), null)));
        // Steps: each facilitator opens, or closes, a step of its own
        rows.add(again("POST", "/api/assemblies/{a}/steps/{step}/open", FACILITATORS, 200, Stage.NEEDS,
                c -> new Request(c.room().path("/steps/" + LATER_STEPS.get(c.turn()) + "/open"), "{}")));
        rows.add(again("POST", "/api/assemblies/{a}/steps/{step}/close", FACILITATORS, 200, Stage.NEEDS, c -> {
            String step = LATER_STEPS.get(c.turn());
            if (c.allowed()) {
                ok(facilitator.send("POST", c.room().path("/steps/" + step + "/open"), "{}"), 200);
            }
            return new Request(c.room().path("/steps/" + step + "/close"), null);
        }));
        rows.add(again("POST", "/api/assemblies/{a}/steps/{step}/extend", FACILITATORS, 200, Stage.NEEDS,
                c -> new Request(c.room().path("/steps/needs/extend"), "{\"minutes\": 5}")));
        rows.add(again("POST", "/api/assemblies/{a}/steps/{step}/pause", FACILITATORS, 200, Stage.NEEDS, c -> {
            if (c.allowed() && c.turn() == 0) {
                ok(facilitator.send("POST", c.room().path("/steps/needs/resume"), null), 200);
            }
            return new Request(c.room().path("/steps/needs/pause"), null);
        }));
        rows.add(again("POST", "/api/assemblies/{a}/steps/{step}/resume", FACILITATORS, 200, Stage.NEEDS, c -> {
            if (c.allowed()) {
                ok(facilitator.send("POST", c.room().path("/steps/needs/pause"), null), 200);
            }
            return new Request(c.room().path("/steps/needs/resume"), null);
        }));
        // Puzzle pieces: table A's own, at the step that allows each change
        rows.add(again("POST", "/api/assemblies/{a}/tables/{tA}/needs", TABLE_A, 201, Stage.NEEDS,
                c -> new Request(c.room().path("/tables/" + c.room().tableA + "/needs"),
                        "{\"pieceId\": \"n-" + c.caller().ordinal() + "\", \"text\": \"Semillas propias " + c.caller().ordinal() + "\"}")));
        rows.add(again("PUT", "/api/assemblies/{a}/tables/{tA}/needs/{p}", TABLE_A, 200, Stage.NEEDS,
                c -> new Request(c.room().path("/tables/" + c.room().tableA + "/needs/n1"),
                        "{\"text\": \"Crédito sin garantías, versión " + c.caller().ordinal() + "\"}")));
        rows.add(again("DELETE", "/api/assemblies/{a}/tables/{tA}/needs/{p}", TABLE_A, 200, Stage.NEEDS, c -> {
            String pieceId = "n1";
            if (c.allowed()) {
                pieceId = "w-" + c.caller().ordinal();
                ok(facilitator.send("POST", c.room().path("/tables/" + c.room().tableA + "/needs"),
                        "{\"pieceId\": \"" + pieceId + "\", \"text\": \"Para retirar " + c.caller().ordinal() + "\"}"), 201);
            }
            return new Request(c.room().path("/tables/" + c.room().tableA + "/needs/" + pieceId), null);
        }));
        rows.add(again("PUT", "/api/assemblies/{a}/tables/{tA}/needs/{p}/solution", TABLE_A, 200, Stage.SOLUTIONS,
                c -> new Request(c.room().path("/tables/" + c.room().tableA + "/needs/n1/solution"),
                        "{\"text\": \"Fondo rotatorio " + c.caller().ordinal() + "\", \"cooperatingOrganizations\": [\"O1\"]}")));
        rows.add(again("PUT", "/api/assemblies/{a}/tables/{tA}/needs/{p}/work-plan", TABLE_A, 200, Stage.WORK_PLAN,
                c -> new Request(c.room().path("/tables/" + c.room().tableA + "/needs/n1/work-plan"),
                        "{\"who\": [\"O" + c.caller().ordinal() + "\"], \"when\": {\"from\": \"2026-01\", \"to\": \"2026-06\"}}")));
        rows.add(again("PUT", "/api/assemblies/{a}/tables/{tA}/spokesperson", TABLE_A, 200, Stage.SPOKESPEOPLE,
                c -> new Request(c.room().path("/tables/" + c.room().tableA + "/spokesperson"),
                        "{\"participantId\": \"" + c.room().membersA.get(c.turn()) + "\"}")));
        rows.add(once("POST", "/api/assemblies/{a}/tables/{tA}/pin", TABLE_A, 200, Stage.PINNABLE,
                r -> new Request(r.path("/tables/" + r.tableA + "/pin"), null)));
        // Corrections during the day: facilitators only
        rows.add(once("POST", "/api/assemblies/{a}/tables/{tA}/unpin", FACILITATORS, 200, Stage.PLENARY,
                r -> new Request(r.path("/tables/" + r.tableA + "/unpin"), "{\"reason\": \"Fijó antes de tiempo\"}")));
        rows.add(again("POST", "/api/assemblies/{a}/participants/{p}/move", FACILITATORS, 200, Stage.NEEDS,
                c -> new Request(c.room().path("/participants/" + c.room().membersA.get(c.turn()) + "/move"),
                        "{\"tableId\": \"" + c.room().tableB + "\"}")));
        // Plenary
        rows.add(once("POST", "/api/assemblies/{a}/agenda/approval", FACILITATORS, 200, Stage.PLENARY,
                r -> new Request(r.path("/agenda/approval"), "{\"method\": \"consensus\"}")));
        // Reading
        rows.add(read("/api/assemblies/{a}/board", BOARD_READERS, r -> r.path("/board")));
        rows.add(read("/api/assemblies/{a}/board?sequence=N", BOARD_READERS, r -> r.path("/board?sequence=2")));
        rows.add(read("/api/assemblies/{a}/board?at=INSTANT", BOARD_READERS, r -> r.path("/board?at=" + r.builtAt)));
        rows.add(read("/api/assemblies/{a}/board/stream", BOARD_READERS, r -> r.path("/board/stream")));
        rows.add(read("/api/assemblies/{a}/agenda", AGENDA_READERS, r -> r.path("/agenda")));
        rows.add(read("/api/assemblies/{a}/agenda.csv", AGENDA_READERS, r -> r.path("/agenda.csv")));
        rows.add(read("/api/assemblies/{a}/agenda.md", AGENDA_READERS, r -> r.path("/agenda.md")));
        rows.add(read("/api/assemblies/{a}/participation", AUDITORS, r -> r.path("/participation")));
        rows.add(read("/api/assemblies/{a}/history", AUDITORS, r -> r.path("/history")));
        // Access: share links, facilitators, tokens, joining
        rows.add(add("POST", "/api/assemblies/{a}/links", FACILITATORS, 201, r -> new Request(r.path("/links"), "{\"kind\": \"auditor\"}")));
        rows.add(add("DELETE", "/api/assemblies/{a}/links/{linkId}", FACILITATORS, 200,
                r -> new Request(r.path("/links/" + newLink(r, "projector").get("linkId").asText()), null)));
        rows.add(read("/api/facilitators", FACILITATORS, r -> "/api/facilitators"));
        rows.add(add("POST", "/api/facilitators", FACILITATORS, 201,
                r -> new Request("/api/facilitators", "{\"username\": \"added-" + counter.incrementAndGet() + "\", \"password\": \"a long passphrase\"}")));
        rows.add(new Row("DELETE", "/api/facilitators/{username}", FACILITATORS, 200, Fresh.NO, null,
                c -> new Request("/api/facilitators/" + (c.allowed() ? newFacilitator() : bystander()), null)));
        rows.add(add("POST", "/api/tokens", FACILITATORS, 201, r -> new Request("/api/tokens", "{\"label\": \"script\"}")));
        rows.add(read("/api/tokens", FACILITATORS, r -> "/api/tokens"));
        rows.add(add("DELETE", "/api/tokens", FACILITATORS, 200,
                r -> new Request("/api/tokens", "{\"token\": \"" + newToken().get("token").asText() + "\"}")));
        rows.add(add("DELETE", "/api/tokens/{tokenId}", FACILITATORS, 200,
                r -> new Request("/api/tokens/" + newToken().get("tokenId").asText(), null)));
        rows.add(add("POST", "/api/join", EVERYONE, 200, r -> new Request("/api/join", "{\"code\": \"" + r.codeA + "\"}")));
        // The rest
        rows.add(add("POST", "/api/demo", FACILITATORS, 201, r -> new Request("/api/demo", "{}")));
        rows.add(read("/api/join-address", EVERYONE, r -> "/api/join-address"));
        rows.add(read("/qr.svg?text=…", EVERYONE, r -> "/qr.svg?text=hola"));
        rows.add(read("/api/openapi", EVERYONE, r -> "/api/openapi"));
        rows.add(read("/actuator/health", EVERYONE, r -> "/actuator/health"));
        rows.add(read("/actuator/health/readiness", EVERYONE, r -> "/actuator/health/readiness"));
        rows.add(read("/actuator/prometheus", FACILITATORS, r -> "/actuator/prometheus"));
        return rows.stream().flatMap(row -> Stream.of(Caller.values()).map(caller -> Arguments.of(caller, row)));
    }

    private static Row read(String path, Set<Caller> allowed, Function<Room, String> at) {
        return new Row("GET", path, allowed, 200, Fresh.NO, null, call -> new Request(at.apply(call.room()), null));
    }

    /** A change every allowed caller can make on the shared assembly, each with something new. */
    private static Row add(String method, String path, Set<Caller> allowed, int success, Function<Room, Request> request) {
        return new Row(method, path, allowed, success, Fresh.NO, null, call -> request.apply(call.room()));
    }

    /** A change the row's allowed callers make one after another on one assembly at {@code stage}, each changing it again. */
    private static Row again(String method, String path, Set<Caller> allowed, int success, Stage stage, Function<Call, Request> request) {
        return new Row(method, path, allowed, success, Fresh.PER_ROW, stage, request);
    }

    /** A change that happens once: every allowed caller makes it on an assembly of its own at {@code stage}. */
    private static Row once(String method, String path, Set<Caller> allowed, int success, Stage stage, Function<Room, Request> request) {
        return new Row(method, path, allowed, success, Fresh.PER_CALLER, stage, call -> request.apply(call.room()));
    }

    @Order(1)
    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("endpoints")
    void eachCallerGetsExactlyTheStatusItsRoleAllows(Caller caller, Row row) {
        boolean allowed = row.allowed().contains(caller);
        Room room = !allowed || row.fresh() == Fresh.NO ? shared
                : row.fresh() == Fresh.PER_CALLER ? room(row.stage())
                : roomsOfRows.computeIfAbsent(row.toString(), key -> room(row.stage()));
        Request request = row.request().apply(new Call(room, caller, allowed));
        // A tab of its own, so a cookie one row's answer sets (joining sets the table's) does not follow the caller to the next.
        Client client = room.client(caller).copy();
        int expected = allowed ? row.success() : client.identifiesItselfTo(request.path()) ? 403 : 401;

        expectStatus(client, caller.name(), row.method(), request, expected);
    }

    // ------------------------------------------------------------------------------------------ ended credentials

    @Order(2)
    @Test
    void revokedShareLinksAreNobodyWhetherSentAsHeaderOrCookie() {
        Room room = room(Stage.NEEDS);
        Client projector = room.client(Caller.PROJECTOR);
        Client auditor = room.client(Caller.AUDITOR);
        Client auditorPage = room.client(Caller.AUDITOR_OPENED);
        Client publicPage = room.client(Caller.PUBLIC_OPENED);
        expectStatus(projector, "projector", "GET", new Request(room.path("/board"), null), 200);
        expectStatus(auditorPage, "auditor page", "GET", new Request(room.path("/history"), null), 200);
        expectStatus(publicPage, "public agenda page", "GET", new Request(room.path("/agenda"), null), 200);

        expectStatus(facilitator, "facilitator", "DELETE", new Request(room.path("/links/" + room.projectorLinkId), null), 200);
        expectStatus(facilitator, "facilitator", "DELETE", new Request(room.path("/links/" + room.auditorLinkId), null), 200);
        expectStatus(facilitator, "facilitator", "DELETE", new Request(room.path("/links/" + room.publicLinkId), null), 200);

        // What each link read until now, and one thing it never could: all nobody now.
        expectStatus(projector, "revoked projector link", "GET", new Request(room.path("/board"), null), 401);
        expectStatus(projector, "revoked projector link", "GET", new Request(room.path("/board/stream"), null), 401);
        expectStatus(auditor, "revoked auditor link", "GET", new Request(room.path("/history"), null), 401);
        expectStatus(auditorPage, "revoked auditor link (cookie)", "GET", new Request(room.path("/agenda.csv"), null), 401);
        expectStatus(auditorPage, "revoked auditor link (cookie)", "GET", new Request(room.path("/tables"), null), 401);
        expectStatus(publicPage, "revoked public link (cookie)", "GET", new Request(room.path("/agenda"), null), 401);
    }

    @Order(3)
    @Test
    void revokedApiTokensAreNobodyWhetherRevokedByIdOrByToken() {
        Room room = shared;
        JsonNode byId = newToken();
        JsonNode byToken = newToken();
        Client script = new Client().header("Authorization", "Bearer " + byId.get("token").asText());
        Client other = new Client().header("Authorization", "Bearer " + byToken.get("token").asText());
        expectStatus(script, "API token", "GET", new Request("/api/assemblies", null), 200);
        expectStatus(other, "API token", "GET", new Request(room.path("/board"), null), 200);

        expectStatus(facilitator, "facilitator", "DELETE", new Request("/api/tokens/" + byId.get("tokenId").asText(), null), 200);
        expectStatus(facilitator, "facilitator", "DELETE", new Request("/api/tokens", "{\"token\": \"" + byToken.get("token").asText() + "\"}"), 200);

        for (Client revoked : List.of(script, other)) {
            expectStatus(revoked, "revoked API token", "GET", new Request("/api/assemblies", null), 401);
            expectStatus(revoked, "revoked API token", "POST", new Request("/api/assemblies", schedule("after-revocation-" + counter.incrementAndGet())), 401);
            expectStatus(revoked, "revoked API token", "GET", new Request("/api/tokens", null), 401);
            expectStatus(revoked, "revoked API token", "GET", new Request(room.path("/board"), null), 401);
            expectStatus(revoked, "revoked API token", "GET", new Request(room.path("/board/stream"), null), 401);
            expectStatus(revoked, "revoked API token", "POST", new Request(room.path("/tables/" + room.tableA + "/needs"),
                    "{\"text\": \"Después de revocar\"}"), 401);
            expectStatus(revoked, "revoked API token", "GET", new Request("/actuator/prometheus", null), 401);
        }
    }

    /** Last: moving the clock a day on ends every table code and the sign-in too. */
    @Order(4)
    @Test
    void anExpiredTableCodeIsNobodyWhetherSentAsHeaderOrCookie() {
        Room room = room(Stage.NEEDS);
        Client phone = room.client(Caller.TABLE_A);
        Client joined = room.client(Caller.TABLE_A_JOINED);
        expectStatus(phone, "table A", "GET", new Request(room.path("/tables/" + room.tableA + "/members"), null), 200);
        expectStatus(joined, "table A (joined)", "POST", new Request(room.path("/tables/" + room.tableA + "/needs"),
                "{\"pieceId\": \"n2\", \"text\": \"Semillas propias\"}"), 201);

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        expectStatus(phone, "expired table code", "GET", new Request(room.path("/tables/" + room.tableA + "/members"), null), 401);
        expectStatus(phone, "expired table code", "POST", new Request(room.path("/tables/" + room.tableA + "/needs"),
                "{\"pieceId\": \"n3\", \"text\": \"Caminos\"}"), 401);
        expectStatus(joined, "expired table code (cookie)", "PUT", new Request(room.path("/tables/" + room.tableA + "/needs/n2"),
                "{\"text\": \"Semillas nativas\"}"), 401);
    }

    private static void expectStatus(Client client, String caller, String method, Request request, int expected) {
        Answer answer = client.send(method, request.path(), request.body());
        assertThat(answer.status())
                .as("%s %s as %s: expected %d but got %d: %s", method, request.path(), caller, expected, answer.status(), answer.text())
                .isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------ assemblies to act on

    /** Steps a facilitator may open on an assembly at its needs step, one per facilitator caller ({@link Call#turn()}). */
    private static final List<String> LATER_STEPS = List.of("work-plan", "solutions");
    private static final String WORK_PLAN = "{\"who\": [\"O1\"], \"when\": {\"from\": \"2026-01\", \"to\": \"2026-06\"}}";

    /** An assembly of its own: two tables of two (A and B), a need on table A, and each step up to {@code stage}. */
    private Room room(Stage stage) {
        Room room = new Room("m" + counter.incrementAndGet());
        ok(facilitator.send("POST", "/api/assemblies", schedule(room.id)), 201);
        for (int i = 1; i <= 4; i++) {
            ok(facilitator.send("POST", room.path("/participants"), participant("p" + i)), 201);
        }
        if (stage == Stage.REGISTERED) {
            return room;
        }
        JsonNode tables = ok(facilitator.send("POST", room.path("/split-into-tables"), "{\"tableSize\": 2}"), 200).json().get("tables");
        room.tableA = tables.get(0).get("tableId").asText();
        room.tableB = tables.get(1).get("tableId").asText();
        room.codeA = tables.get(0).get("joinCode").asText();
        room.codeB = tables.get(1).get("joinCode").asText();
        tables.get(0).get("memberIds").forEach(id -> room.membersA.add(id.asText()));
        String tableA = room.path("/tables/" + room.tableA);
        ok(facilitator.send("POST", room.path("/steps/needs/open"), "{}"), 200);
        ok(facilitator.send("POST", tableA + "/needs", "{\"pieceId\": \"n1\", \"text\": \"Crédito sin garantías\"}"), 201);
        step(room, stage, Stage.SOLUTIONS, "/steps/solutions/open", "{}");
        step(room, stage, Stage.WORK_PLAN, "/tables/" + room.tableA + "/needs/n1/solution", "{\"text\": \"Fondo rotatorio\", \"cooperatingOrganizations\": [\"O1\"]}");
        step(room, stage, Stage.WORK_PLAN, "/steps/work-plan/open", "{}");
        step(room, stage, Stage.SPOKESPEOPLE, "/tables/" + room.tableA + "/needs/n1/work-plan", WORK_PLAN);
        step(room, stage, Stage.SPOKESPEOPLE, "/steps/spokespeople/open", "{}");
        step(room, stage, Stage.PINNABLE, "/tables/" + room.tableA + "/spokesperson", "{\"participantId\": \"" + room.membersA.get(0) + "\"}");
        step(room, stage, Stage.PLENARY, "/tables/" + room.tableA + "/pin", null);
        step(room, stage, Stage.PLENARY, "/steps/plenary/open", "{}");
        step(room, stage, Stage.APPROVED, "/agenda/approval", "{\"method\": \"consensus\"}");
        // Tables, members, join codes and links read the assembly's summary, which follows the events.
        await().atMost(Duration.ofSeconds(10)).until(() -> facilitator.send("GET", room.path("/tables"), null).json().size() == 2);
        room.builtAt = clock.instant().toString();
        return room;
    }

    private void step(Room room, Stage wanted, Stage from, String path, String body) {
        if (wanted.compareTo(from) >= 0) {
            String method = path.endsWith("/solution") || path.endsWith("/work-plan") || path.endsWith("/spokesperson") ? "PUT" : "POST";
            ok(facilitator.send(method, room.path(path), body), 200);
        }
    }

    private static String schedule(String assemblyId) {
        return """
                {"assemblyId": "%s", "title": "Matriz", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}],
                 "rules": {"maxNeedsPerTable": 5, "tableSize": 2}}""".formatted(assemblyId);
    }

    private static String participant(String participantId) {
        return "{\"participantId\": \"%s\", \"name\": \"Persona %s\", \"organization\": \"O1\"}".formatted(participantId, participantId);
    }

    /** Someone registered after the split, whom the summary already knows. */
    private String registeredIn(Room room) {
        String participantId = "late-" + counter.incrementAndGet();
        ok(facilitator.send("POST", room.path("/participants"), participant(participantId)), 201);
        await().atMost(Duration.ofSeconds(10)).until(() -> facilitator.send("GET", room.path(""), null).json()
                .get("participantIds").toString().contains("\"" + participantId + "\""));
        return participantId;
    }

    private JsonNode newLink(Room room, String kind) {
        return ok(facilitator.send("POST", room.path("/links"), "{\"kind\": \"" + kind + "\"}"), 201).json();
    }

    private JsonNode newToken() {
        return ok(facilitator.send("POST", "/api/tokens", "{\"label\": \"to revoke\"}"), 201).json();
    }

    private String newFacilitator() {
        String username = "leaving-" + counter.incrementAndGet();
        ok(facilitator.send("POST", "/api/facilitators", "{\"username\": \"" + username + "\", \"password\": \"a long passphrase\"}"), 201);
        return username;
    }

    private String bystander() {
        if (bystander == null) {
            bystander = newFacilitator();
        }
        return bystander;
    }

    private static String linkToken(JsonNode link) {
        return link.get("url").asText().replaceAll(".*[?&]link=", "");
    }

    private static Answer ok(Answer answer, int expected) {
        return answer.expect(expected);
    }

    /** One small assembly and how each kind of caller reaches it. */
    final class Room {
        final String id;
        String builtAt;
        final List<String> membersA = new ArrayList<>();
        String tableA;
        String tableB;
        String codeA;
        String codeB;
        String projectorLinkId;
        String projectorToken;
        String auditorLinkId;
        String auditorToken;
        String auditorUrl;
        String publicLinkId;
        String publicToken;
        String publicUrl;
        private final Map<Caller, Client> clients = new EnumMap<>(Caller.class);

        Room(String id) {
            this.id = id;
        }

        String path(String rest) {
            return "/api/assemblies/" + id + rest;
        }

        Client client(Caller caller) {
            return clients.computeIfAbsent(caller, this::clientOf);
        }

        /** Share links only where a projector or an auditor is asked to read. */
        private void shareLinks() {
            if (projectorToken == null) {
                JsonNode projector = newLink(this, "projector");
                JsonNode auditor = newLink(this, "auditor");
                projectorLinkId = projector.get("linkId").asText();
                projectorToken = linkToken(projector);
                auditorLinkId = auditor.get("linkId").asText();
                auditorUrl = auditor.get("url").asText();
                auditorToken = linkToken(auditor);
                JsonNode open = newLink(this, "public");
                publicLinkId = open.get("linkId").asText();
                publicUrl = open.get("url").asText();
                publicToken = linkToken(open);
            }
        }

        private Client clientOf(Caller caller) {
            if (EnumSet.of(Caller.PROJECTOR, Caller.AUDITOR, Caller.AUDITOR_OPENED, Caller.PUBLIC, Caller.PUBLIC_OPENED).contains(caller)) {
                shareLinks();
            }
            return switch (caller) {
                case ANONYMOUS -> new Client();
                case FACILITATOR -> facilitator;
                case SIGNED_IN_FACILITATOR -> signedIn;
                case TABLE_A -> new Client().header(AccessCredentialsFilter.TABLE_HEADER, codeA);
                case TABLE_B -> new Client().header(AccessCredentialsFilter.TABLE_HEADER, codeB);
                case PROJECTOR -> new Client().header(AccessCredentialsFilter.LINK_HEADER, projectorToken);
                case AUDITOR -> new Client().header(AccessCredentialsFilter.LINK_HEADER, auditorToken);
                case PUBLIC -> new Client().header(AccessCredentialsFilter.LINK_HEADER, publicToken);
                case TABLE_A_JOINED -> {
                    Client phone = new Client();
                    ok(phone.send("POST", "/api/join", "{\"code\": \"" + codeA + "\"}"), 200);
                    assertThat(phone.cookie(AccessCredentialsFilter.TABLE_COOKIE)).as("the table cookie joining sets").isNotNull();
                    yield phone.withCsrfCookie();
                }
                case AUDITOR_OPENED -> opened(auditorUrl);
                case PUBLIC_OPENED -> opened(publicUrl);
            };
        }
    }

    /** A browser that opened a share link's page: the link cookie the page set. */
    private Client opened(String url) {
        Client browser = new Client();
        ok(browser.send("GET", url, null), 302);
        assertThat(browser.cookie(AccessCredentialsFilter.LINK_COOKIE)).as("the link cookie opening the page sets").isNotNull();
        return browser.withCsrfCookie();
    }

    // ------------------------------------------------------------------------------------------ HTTP as a browser or a script

    /** One answer; an event stream's body is not read (it never ends). */
    record Answer(int status, String text, Map<String, List<String>> headers) {

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst().orElse("");
        }
    }

    /**
     * A caller: credential headers, as scripts send them, and a cookie jar that keeps what answers set
     * and sends a cookie only under its Path, with the CSRF header on changes, as a browser's page does.
     */
    final class Client {
        private static final Set<String> CREDENTIAL_COOKIES =
                Set.of(SignedInSessions.COOKIE, AccessCredentialsFilter.TABLE_COOKIE, AccessCredentialsFilter.LINK_COOKIE);
        private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String[]> cookies = new LinkedHashMap<>();

        Client header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Another tab with the same credentials: what its answers set stays in it. */
        Client copy() {
            Client copy = new Client();
            copy.headers.putAll(headers);
            copy.cookies.putAll(cookies);
            return copy;
        }

        String cookie(String name) {
            String[] cookie = cookies.get(name);
            return cookie == null ? null : cookie[0];
        }

        /** The CSRF cookie a page gets from any answer, so its changes can echo it. */
        Client withCsrfCookie() {
            if (cookie("XSRF-TOKEN") == null) {
                send("GET", "/login", null).expect(200);
            }
            assertThat(cookie("XSRF-TOKEN")).as("a CSRF cookie").isNotNull();
            return this;
        }

        /**
         * Whether this request carries a credential Minga looks at there: a facilitator's token anywhere,
         * a table code or link only on an assembly's own API, a credential cookie where its Path covers it.
         */
        boolean identifiesItselfTo(String path) {
            boolean assemblyApi = path.matches("^/api/assemblies/[^/?]+([/?].*)?$");
            return headers.keySet().stream().anyMatch(name -> name.equals("Authorization") || assemblyApi)
                    || cookies.entrySet().stream()
                    .anyMatch(c -> CREDENTIAL_COOKIES.contains(c.getKey()) && pathMatches(path, c.getValue()[1]));
        }

        Answer send(String method, String path, String body) {
            return send(method, path, body, "application/json");
        }

        Answer send(String method, String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", contentType)
                    .header("Accept-Language", "en")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            StringBuilder cookieHeader = new StringBuilder();
            cookies.forEach((name, cookie) -> {
                if (pathMatches(path, cookie[1])) {
                    cookieHeader.append(cookieHeader.isEmpty() ? "" : "; ").append(name).append('=').append(cookie[0]);
                }
            });
            if (!cookieHeader.isEmpty()) {
                request.header("Cookie", cookieHeader.toString());
                if (!SAFE.contains(method) && cookie("XSRF-TOKEN") != null) {
                    request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
                }
            }
            try {
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                String text;
                try (InputStream in = response.body()) {
                    boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                    text = stream ? "(an event stream)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                response.headers().allValues("Set-Cookie").forEach(this::remember);
                return new Answer(response.statusCode(), text, response.headers().map());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void remember(String setCookie) {
            String[] parts = setCookie.split(";");
            int equals = parts[0].indexOf('=');
            String name = parts[0].substring(0, equals).strip();
            String value = parts[0].substring(equals + 1).strip();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip();
                String lower = attribute.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("path=")) {
                    path = attribute.substring(5);
                } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, new String[] {value, path});
            }
        }

        /** RFC 6265 path matching, on the path without its query. */
        private static boolean pathMatches(String requestPath, String cookiePath) {
            String path = requestPath.contains("?") ? requestPath.substring(0, requestPath.indexOf('?')) : requestPath;
            return path.equals(cookiePath) || (path.startsWith(cookiePath)
                    && (cookiePath.endsWith("/") || path.charAt(cookiePath.length()) == '/'));
        }
    }
}
