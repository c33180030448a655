package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator's probes and Prometheus see: health without details for anyone, metrics for
 * facilitators only, and nothing else of the actuator. The metrics move with what the room does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked: Prometheus is what is under test here.
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndpointsTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("operations");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private MingaClient facilitator;
    private MingaClient prometheus;
    private String token;

    @BeforeAll
    void signIn() {
        facilitator = new MingaClient("http://localhost:" + port);
        token = facilitator.post("/api/tokens", "{\"label\": \"prometheus\"}").expect(201).json().get("token").asText();
        prometheus = facilitator.anonymous().with("Authorization", "Bearer " + token);
    }

    @Test
    void probesGetUpOrDownAndNothingAboutWhatIsBehind() {
        MingaClient anonymous = facilitator.anonymous();
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            MingaClient.Answer answer = anonymous.get(probe).expect(200);
            assertThat(answer.json().get("status").asText()).as(probe).isEqualTo("UP");
            assertThat(answer.json().has("components")).as(probe).isFalse();
            assertThat(answer.json().has("details")).as(probe).isFalse();
        }
    }

    @Test
    void metricsNeedAFacilitatorAndTheRestOfTheActuatorIsNotThere() {
        assertThat(facilitator.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(prometheus.get("/actuator/prometheus").status()).isEqualTo(200);
        for (String hidden : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/metrics"}) {
            assertThat(prometheus.get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void metricsAskedForAsJsonAreRefusedNamingTheAcceptHeader() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.body()).contains("\"field\":\"Accept\"", "check \\\"Accept\\\"").doesNotContain("path\\\"");
    }

    @Test
    void axonCountsAndTimesCommandsByTypeAndMingaCountsRefusalsByCode() {
        String before = prometheus.get("/actuator/prometheus").expect(200).text();
        facilitator.post("/api/assemblies", """
                {"assemblyId": "ops", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);
        facilitator.post("/api/assemblies/ops/split-into-tables", "{}").expect(409);

        String after = prometheus.get("/actuator/prometheus").expect(200).text();
        String scheduled = "payloadType=\"ScheduleAssemblyCommand\"";
        String split = "payloadType=\"SplitIntoTablesCommand\"";
        // Axon's command bus: each command counted and timed by its type; a refusal is a failure there.
        assertThat(increase(before, after, "commandBus_successCounter_total", scheduled)).isEqualTo(1);
        assertThat(increase(before, after, "commandBus_successTimer_seconds_count", scheduled)).isEqualTo(1);
        assertThat(increase(before, after, "commandBus_failureCounter_total", split)).isEqualTo(1);
        // Minga's own figure: which rule the refusal was.
        assertThat(increase(before, after, "minga_refusals_total", "code=\"tables.nobody-registered\"", "command=\"SplitIntoTablesCommand\""))
                .isEqualTo(1);
    }

    @Test
    void processorsReportTheirLagSegmentsAndLatency() {
        facilitator.post("/api/assemblies", """
                {"assemblyId": "ops-processors", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String now = prometheus.get("/actuator/prometheus").text();
            for (String processor : new String[] {"board", "agenda", "participation", "history", "assemblies"}) {
                assertThat(sample(now, "minga_processor_lag_events", "processor=\"" + processor + "\"")).as(processor).isEqualTo(0);
                assertThat(sample(now, "minga_processor_segments", "processor=\"" + processor + "\"")).as(processor).isEqualTo(1);
                // Axon's: how old the last event the processor handled was when it handled it.
                assertThat(sample(now, "eventProcessor_latency", "processorName=\"" + processor + "\"")).as(processor).isNotNegative();
            }
        });
    }

    @Test
    void liveBoardViewersAreCountedWhileTheyWatch() throws Exception {
        String base = "/api/assemblies/ops-live";
        facilitator.post("/api/assemblies", """
                {"assemblyId": "ops-live", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "axes": [{"axisId": "credit", "title": "Crédito"}]}""").expect(201);
        facilitator.post(base + "/participants", "{\"participantId\": \"p1\", \"name\": \"Ana\", \"organization\": \"Coop\"}").expect(201);
        facilitator.post(base + "/split-into-tables", "{}").expect(200);
        await().until(() -> facilitator.get(base + "/board").status() == 200);
        double before = sample(prometheus.get("/actuator/prometheus").text(), "minga_board_viewers");

        HttpResponse<Stream<String>> open = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(facilitator.baseUrl() + base + "/board/stream"))
                        .header("Authorization", MingaClient.basic(MingaClient.FACILITATOR, MingaClient.FACILITATOR_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(open.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() ->
                sample(prometheus.get("/actuator/prometheus").text(), "minga_board_viewers") == before + 1);
        open.body().close();
        // The server notices a viewer left when it next writes to it: give it three changes to write.
        facilitator.post(base + "/steps/needs/open", "{}").expect(200);
        facilitator.post(base + "/steps/solutions/open", "{}").expect(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sample(prometheus.get("/actuator/prometheus").text(), "minga_board_viewers") == before);
    }

    /** How much {@code metric} (a counter) grew between two scrapes: a sample missing before counts as 0. */
    private static double increase(String before, String after, String metric, String... labels) {
        return sample(after, metric, labels) - sampleOrZero(before, metric, labels);
    }

    private static double sampleOrZero(String exposition, String metric, String... labels) {
        try {
            return sample(exposition, metric, labels);
        } catch (AssertionError none) {
            return 0;
        }
    }

    /** The value of the one sample of {@code metric} whose labels include all of {@code labels}. */
    private static double sample(String exposition, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + metric + "(\\{[^}]*\\})? (\\S+)$").matcher(exposition);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (Stream.of(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no sample " + metric + " with " + String.join(", ", labels) + " in:\n" + exposition);
    }
}
