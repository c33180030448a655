package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Thousands of generated malformed requests against every endpoint that takes input, as a
 * facilitator (so they reach the code that reads them): wrong types, missing required fields,
 * oversized and control-character text, unknown enum values, unknown and malformed ids, garbage
 * bodies, bad query parameters. Every answer is a 4xx problem+json, and not one event is appended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestFuzzTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("fuzz");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "/api/assemblies/fz";
    private static final int REQUESTS = 3000;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    /** An endpoint with a valid body; the fuzzer never sends it unmutated. */
    record Template(String method, String path, String validBody, List<String> requiredFields, List<String> codeFields) {
        Template(String method, String path, String validBody, List<String> requiredFields) {
            this(method, path, validBody, requiredFields, List.of());
        }
    }

    static List<Template> templates() {
        return List.of(
                new Template("POST", "/api/assemblies", """
                        {"assemblyId": "fz2", "title": "Asamblea", "region": "Cauca", "venue": "Salón", "date": "2026-03-14",
                         "horizon": {"from": "2026", "to": "2027"}, "language": "es", "axes": [{"axisId": "a", "title": "Crédito"}],
                         "rules": {"maxNeedsPerTable": 2, "tableSize": 20}, "steps": [{"step": "needs", "minutes": 10}]}""",
                        List.of("title", "region", "date", "horizon", "axes"), List.of("language")),
                new Template("POST", A + "/participants", """
                        {"participantId": "px", "name": "Ana", "phone": "300", "organization": "Coop", "organizationType": "cooperativa",
                         "sector": "agro", "gender": "female", "ageGroup": "30-44", "territory": "Buga", "area": "rural", "preferredAxisId": "a"}""",
                        List.of("name", "organization"), List.of("gender", "ageGroup", "area", "preferredAxisId")),
                new Template("POST", A + "/tables/t1/needs", "{\"pieceId\": \"fzn\", \"text\": \"Crédito\"}", List.of("text")),
                new Template("PUT", A + "/tables/t1/needs/n1", "{\"text\": \"Otra\"}", List.of("text")),
                new Template("PUT", A + "/tables/t1/needs/n1/solution", "{\"text\": \"Fondo\", \"cooperatingOrganizations\": [\"Coop\"]}", List.of("text")),
                new Template("PUT", A + "/tables/t1/needs/n1/work-plan", "{\"who\": [\"Coop\"], \"when\": {\"from\": \"2026-01\", \"to\": \"2026-05\"}}",
                        List.of("who", "when")),
                new Template("PUT", A + "/tables/t1/spokesperson", "{\"participantId\": \"p1\"}", List.of("participantId"), List.of("participantId")),
                new Template("PUT", A + "/tables/t1/leader", "{\"participantId\": \"p3\"}", List.of("participantId"), List.of("participantId")),
                new Template("POST", A + "/split-into-tables", "{\"tableSize\": 3}", List.of()),
                new Template("POST", A + "/steps/solutions/open", "{\"minutes\": 10}", List.of()),
                new Template("POST", A + "/agenda/approval", "{\"method\": \"vote\", \"inFavor\": 5, \"against\": 1, \"abstentions\": 0}",
                        List.of("method"), List.of("method")),
                new Template("POST", A + "/links", "{\"kind\": \"projector\"}", List.of("kind"), List.of("kind")),
                new Template("POST", A + "/participants/p3/seat", "{\"tableId\": \"t2\"}", List.of(), List.of("tableId")),
                new Template("POST", "/api/facilitators", "{\"username\": \"otra\", \"password\": \"una-clave-larga\"}", List.of("username", "password")),
                new Template("POST", "/api/join", "{\"code\": \"ZZZZZZ\"}", List.of()));
    }

    @Test
    void malformedRequestsAreRefusedAsProblemsAndAppendNothing() throws Exception {
        MingaClient facilitator = new MingaClient("http://localhost:" + port);
        String token = facilitator.post("/api/tokens", "{}").expect(201).json().get("token").asText();
        MingaClient api = facilitator.with("Authorization", "Bearer " + token);
        api.post("/api/assemblies", """
                {"assemblyId": "fz", "title": "Fuzz", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""").expect(201);
        for (int i = 1; i <= 4; i++) {
            api.post(A + "/participants", "{\"participantId\": \"p" + i + "\", \"name\": \"P" + i + "\", \"organization\": \"O" + i + "\"}").expect(201);
        }
        api.post(A + "/split-into-tables", "{\"tableSize\": 2}").expect(200);
        api.post(A + "/steps/needs/open", "{}").expect(200);
        api.post(A + "/tables/t1/needs", "{\"pieceId\": \"n1\", \"text\": \"Crédito\"}").expect(201);
        org.awaitility.Awaitility.await().until(() -> api.get(A + "/history").status() == 200
                && api.get(A + "/history").json().size() == 8);
        int events = api.get(A + "/history").json().size();
        int assemblies = api.get("/api/assemblies").json().size();

        Random random = new Random(20261121);
        List<Template> templates = templates();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Template template = templates.get(random.nextInt(templates.size()));
            String[] request = mutate(template, random);
            MingaClient.Answer answer = api.send(request[0], request[1], request[2]);
            boolean problem = answer.contentType().startsWith("application/problem+json") && answer.json() != null
                    && answer.json().hasNonNull("code") && answer.json().hasNonNull("detail");
            if (answer.status() >= 500 || answer.status() < 400 || !problem) {
                failures.add(answer.status() + " " + request[0] + " " + request[1] + " " + abbreviate(request[2]) + " -> " + abbreviate(answer.text()));
            } else {
                refused++;
            }
        }

        assertThat(failures).as("requests not refused as a 4xx problem").isEmpty();
        assertThat(refused).isEqualTo(REQUESTS);
        assertThat(api.get(A + "/history").json()).as("events appended").hasSize(events);
        assertThat(api.get("/api/assemblies").json()).as("assemblies created").hasSize(assemblies);
    }

    /** One malformed request: {method, path, body}. */
    private static String[] mutate(Template template, Random random) throws Exception {
        String path = template.path();
        ObjectNode body = (ObjectNode) JSON.readTree(template.validBody());
        switch (random.nextInt(9)) {
            case 0 -> {
                return new String[] {template.method(), path, garbage(random)};
            }
            case 1 -> wrongType(body, random);
            case 2 -> {
                if (template.requiredFields().isEmpty()) {
                    wrongType(body, random);
                } else {
                    body.remove(template.requiredFields().get(random.nextInt(template.requiredFields().size())));
                }
            }
            case 3 -> replaceText(body, random, "x".repeat(281 + random.nextInt(2000)));
            case 4 -> replaceText(body, random, "línea\u0000" + (char) (1 + random.nextInt(31)) + "rota");
            case 5 -> {
                // An unknown code: a step, a gender, an axis or participant nobody has.
                if (template.codeFields().isEmpty()) {
                    wrongType(body, random);
                } else {
                    body.put(template.codeFields().get(random.nextInt(template.codeFields().size())), "no-existe-" + random.nextInt(1000));
                }
            }
            case 6 -> {
                if (path.contains("/fz")) {
                    path = path.replaceFirst("/fz", random.nextBoolean() ? "/no-existe" : "/" + "z".repeat(65));
                } else {
                    wrongType(body, random);
                }
            }
            case 7 -> {
                if (path.contains("/t1")) {
                    path = path.replaceFirst("/t1", List.of("/t99", "/t%20", "/%E2%80%AE", "/" + "t".repeat(70)).get(random.nextInt(4)));
                } else if (path.contains("/steps/")) {
                    path = path.replaceFirst("/steps/[a-z-]+", List.of("/steps/lunch", "/steps/NEEDS%00", "/steps/%20").get(random.nextInt(3)));
                } else {
                    wrongType(body, random);
                }
            }
            default -> {
                List<String> queries = List.of("/board?sequence=abc", "/board?sequence=-3", "/board?at=ayer",
                        "/board?sequence=99999999999999999999", "/board?sequence=1&at=2026-01-01T00:00:00Z");
                return new String[] {"GET", A + queries.get(random.nextInt(queries.size())), null};
            }
        }
        return new String[] {template.method(), path, JSON.writeValueAsString(body)};
    }

    /** A field that must be text, a number or a list gets something of another type. */
    private static void wrongType(ObjectNode body, Random random) {
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode current = body.get(field);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode wrong = switch (random.nextInt(4)) {
            case 0 -> current.isNumber() ? nodes.textNode("doce") : nodes.numberNode(12);
            case 1 -> current.isArray() ? nodes.objectNode().put("a", 1) : nodes.arrayNode().add("x").add(3);
            case 2 -> current.isBoolean() ? nodes.textNode("si") : nodes.booleanNode(true);
            default -> current.isObject() ? nodes.numberNode(7) : nodes.objectNode().putArray("deep").addObject().put("x", "y");
        };
        body.set(field, wrong);
    }

    /** Puts a text where a text (or a code) is read: the first string field found, at any depth. */
    private static void replaceText(ObjectNode body, Random random, String text) {
        List<ObjectNode> holders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collectTextFields(body, holders, names);
        if (holders.isEmpty()) {
            wrongType(body, random);
            return;
        }
        int pick = random.nextInt(holders.size());
        holders.get(pick).put(names.get(pick), text);
    }

    private static void collectTextFields(JsonNode node, List<ObjectNode> holders, List<String> names) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode value = object.get(name);
                if (value.isTextual() && !name.equals("date") && !name.equals("from") && !name.equals("to")) {
                    holders.add(object);
                    names.add(name);
                } else {
                    collectTextFields(value, holders, names);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectTextFields(child, holders, names));
        }
    }

    private static String garbage(Random random) {
        List<String> garbage = List.of("{", "[]]", "{\"text\": }", "<xml/>", "[1, 2, 3]", "12", "\"texto\"", "true",
                "{\"a\":" + "[".repeat(300), "\u0000\u0001\u0002", "x".repeat(70_000));
        return garbage.get(random.nextInt(garbage.size()));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
