package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint against every kind of caller: nobody, a facilitator, the codes of table A and
 * table B, a projector link and an auditor link. "allowed" means the request reaches the method
 * (it may still be refused by a rule or bad input, never 401/403); "denied" is 403 for someone
 * identified and 401 for nobody. A table code or link identifies only on its own assembly's API:
 * elsewhere it is nobody's, and on another assembly it is as wrong as a made-up one (401).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked: Prometheus is what is under test here.
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("matrix");
    private static final String A = "/api/assemblies/m";

    enum Caller { ANONYMOUS, FACILITATOR, TABLE_A, TABLE_B, PROJECTOR, AUDITOR }

    private static final Set<Caller> EVERYONE = Set.of(Caller.values());
    private static final Set<Caller> FACILITATOR = Set.of(Caller.FACILITATOR);
    private static final Set<Caller> TABLE_A = Set.of(Caller.FACILITATOR, Caller.TABLE_A);
    private static final Set<Caller> ROOM = Set.of(Caller.FACILITATOR, Caller.TABLE_A, Caller.TABLE_B);
    private static final Set<Caller> BOARD_READERS = Set.of(Caller.FACILITATOR, Caller.TABLE_A, Caller.TABLE_B, Caller.PROJECTOR, Caller.AUDITOR);
    private static final Set<Caller> AGENDA_READERS = Set.of(Caller.FACILITATOR, Caller.TABLE_A, Caller.TABLE_B, Caller.AUDITOR);
    private static final Set<Caller> SUMMARY_READERS = AGENDA_READERS;
    private static final Set<Caller> AUDITORS = Set.of(Caller.FACILITATOR, Caller.AUDITOR);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("minga.demo.seconds", () -> "5");
    }

    @LocalServerPort
    int port;

    private final Map<Caller, MingaClient> callers = new LinkedHashMap<>();

    @BeforeAll
    void prepareTheRoom() {
        MingaClient facilitator = new MingaClient("http://localhost:" + port);
        // A token is as good as a password for scripts, and much faster than BCrypt on every request.
        String token = facilitator.post("/api/tokens", "{\"label\": \"matrix\"}").expect(201).json().get("token").asText();
        MingaClient asFacilitator = facilitator.with("Authorization", "Bearer " + token);
        asFacilitator.post("/api/assemblies", """
                {"assemblyId": "m", "title": "Matriz", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""").expect(201);
        for (int i = 1; i <= 4; i++) {
            asFacilitator.post(A + "/participants", "{\"participantId\": \"p" + i + "\", \"name\": \"Persona " + i + "\", \"organization\": \"O" + i + "\"}").expect(201);
        }
        JsonNode tables = asFacilitator.post(A + "/split-into-tables", "{\"tableSize\": 2}").expect(200).json().get("tables");
        asFacilitator.post(A + "/steps/needs/open", "{}").expect(200);
        String projector = linkToken(asFacilitator.post(A + "/links", "{\"kind\": \"projector\"}").expect(201).json());
        String auditor = linkToken(asFacilitator.post(A + "/links", "{\"kind\": \"auditor\"}").expect(201).json());
        org.awaitility.Awaitility.await().until(() -> asFacilitator.get(A).status() == 200);

        callers.put(Caller.ANONYMOUS, facilitator.anonymous());
        callers.put(Caller.FACILITATOR, asFacilitator);
        callers.put(Caller.TABLE_A, facilitator.asTable(tables.get(0).get("joinCode").asText()));
        callers.put(Caller.TABLE_B, facilitator.asTable(tables.get(1).get("joinCode").asText()));
        callers.put(Caller.PROJECTOR, facilitator.withLink(projector));
        callers.put(Caller.AUDITOR, facilitator.withLink(auditor));
    }

    private static String linkToken(JsonNode link) {
        return link.get("url").asText().replaceAll(".*[?&]link=", "");
    }

    /** Every endpoint of shared/API.md and the README, with who may call it. */
    static Stream<Arguments> endpoints() {
        List<Arguments> rows = new ArrayList<>();
        row(rows, "GET", "/api/assemblies", null, FACILITATOR);
        row(rows, "POST", "/api/assemblies", "{}", FACILITATOR);
        row(rows, "GET", A, null, SUMMARY_READERS);
        row(rows, "POST", "/api/assemblies/nowhere/close", null, FACILITATOR);
        row(rows, "POST", A + "/participants", "{}", FACILITATOR);
        row(rows, "GET", A + "/participants", null, FACILITATOR);
        row(rows, "DELETE", A + "/participants/p9/personal-data", null, FACILITATOR);
        row(rows, "POST", A + "/participants/p1/seat", "{}", FACILITATOR);
        row(rows, "POST", A + "/split-into-tables", "{\"tableSize\": 2}", FACILITATOR);
        row(rows, "GET", A + "/tables", null, FACILITATOR);
        row(rows, "GET", A + "/tables/t1/members", null, TABLE_A);
        row(rows, "PUT", A + "/tables/t1/leader", "{\"participantId\": \"p1\"}", FACILITATOR);
        row(rows, "POST", A + "/tables/t9/join-code", null, FACILITATOR);
        row(rows, "POST", A + "/steps/needs/open", "{}", FACILITATOR);
        row(rows, "POST", A + "/steps/plenary/close", null, FACILITATOR);
        row(rows, "POST", A + "/tables/t1/needs", "{\"pieceId\": \"mx\", \"text\": \"Crédito\"}", TABLE_A);
        row(rows, "PUT", A + "/tables/t1/needs/mx", "{\"text\": \"Crédito\"}", TABLE_A);
        row(rows, "DELETE", A + "/tables/t1/needs/nope", null, TABLE_A);
        row(rows, "PUT", A + "/tables/t1/needs/mx/solution", "{\"text\": \"Fondo\"}", TABLE_A);
        row(rows, "PUT", A + "/tables/t1/needs/mx/work-plan", "{\"who\": [\"O1\"], \"when\": {\"from\": \"2026-01\", \"to\": \"2026-06\"}}", TABLE_A);
        row(rows, "PUT", A + "/tables/t1/spokesperson", "{\"participantId\": \"p1\"}", TABLE_A);
        row(rows, "POST", A + "/tables/t1/pin", null, TABLE_A);
        row(rows, "POST", A + "/agenda/approval", "{\"method\": \"consensus\"}", FACILITATOR);
        row(rows, "GET", A + "/board", null, BOARD_READERS);
        row(rows, "GET", A + "/board?sequence=1", null, BOARD_READERS);
        row(rows, "GET", A + "/board/stream", null, BOARD_READERS);
        row(rows, "GET", A + "/agenda", null, AGENDA_READERS);
        row(rows, "GET", A + "/agenda.csv", null, AGENDA_READERS);
        row(rows, "GET", A + "/agenda.md", null, AGENDA_READERS);
        row(rows, "GET", A + "/participation", null, AUDITORS);
        row(rows, "GET", A + "/history", null, AUDITORS);
        row(rows, "POST", A + "/links", "{\"kind\": \"auditor\"}", FACILITATOR);
        row(rows, "DELETE", A + "/links/NOPE", null, FACILITATOR);
        row(rows, "GET", "/api/facilitators", null, FACILITATOR);
        row(rows, "POST", "/api/facilitators", "{}", FACILITATOR);
        row(rows, "POST", "/api/tokens", "{}", FACILITATOR);
        row(rows, "DELETE", "/api/tokens", "{\"token\": \"nope\"}", FACILITATOR);
        row(rows, "POST", "/api/demo", "{}", FACILITATOR);
        row(rows, "GET", "/api/join-address", null, EVERYONE);
        row(rows, "GET", "/qr.svg?text=hola", null, EVERYONE);
        row(rows, "GET", "/api/openapi", null, EVERYONE);
        row(rows, "GET", "/actuator/health", null, EVERYONE);
        row(rows, "GET", "/actuator/health/readiness", null, EVERYONE);
        row(rows, "GET", "/actuator/prometheus", null, FACILITATOR);
        return rows.stream();
    }

    private static void row(List<Arguments> rows, String method, String path, String body, Set<Caller> allowed) {
        for (Caller caller : Caller.values()) {
            rows.add(Arguments.of(caller, method, path, body, allowed.contains(caller)));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} allowed={4}")
    @MethodSource("endpoints")
    void eachCallerGetsExactlyWhatItsRoleAllows(Caller caller, String method, String path, String body, boolean allowed) {
        int status = callers.get(caller).status(method, path, body);

        if (allowed) {
            assertThat(status).as("%s %s as %s", method, path, caller).isNotIn(401, 403).isLessThan(500);
        } else {
            boolean identified = caller == Caller.FACILITATOR || (caller != Caller.ANONYMOUS && (path.equals(A) || path.startsWith(A + "/")));
            assertThat(status).as("%s %s as %s", method, path, caller).isEqualTo(identified ? 403 : 401);
        }
    }
}
