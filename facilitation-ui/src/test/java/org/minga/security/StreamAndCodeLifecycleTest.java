package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.minga.registry.storage.Match;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryStorage;
import org.minga.ui.MingaClient;
import org.minga.ui.MutableClock;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Access that ends while a screen is open: a revoked projector link ends its board stream at once,
 * closing an assembly ends its tables' codes and streams, and a code stops working at the end of its
 * lifetime. Streams here re-check only every 15 s (the default), so ending within 5 s is the
 * revocation itself reaching them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamAndCodeLifecycleTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("stream-lifecycle");
    /** Well under the 15 s re-check, so only an immediate end passes. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RegistryStorage registry;

    @Autowired
    TableCodes tableCodes;

    private MingaClient facilitator() {
        return new MingaClient("http://localhost:" + port);
    }

    @Test
    void revokingAProjectorLinkEndsItsOpenStreamAtOnce() throws Exception {
        String base = LiveBoardStreams.assemblyWithOneTable(facilitator(), "revoke-link");
        MingaClient api = facilitator();
        var link = api.post(base + "/links", "{\"kind\": \"projector\"}").expect(201).json();
        String token = link.get("url").asText().replaceAll(".*[?&]link=", "");
        LiveBoardStreams.OpenStream stream = LiveBoardStreams.open(port, base, "X-Minga-Link", token);
        assertThat(stream.lines().poll(10, TimeUnit.SECONDS)).as("the board, on connect").isNotNull();

        api.delete(base + "/links/" + link.get("linkId").asText()).expect(200);

        assertThat(stream.ended()).succeedsWithin(AT_ONCE);
        assertThat(api.withLink(token).get(base + "/board").status()).isEqualTo(401);
    }

    @Test
    void closingAnAssemblyEndsItsTablesCodesAndStreams() throws Exception {
        String base = LiveBoardStreams.assemblyWithOneTable(facilitator(), "close-codes");
        MingaClient api = facilitator();
        String code = api.get(base + "/tables").expect(200).json().at("/0/joinCode").asText();
        MingaClient phone = api.asTable(code);
        assertThat(phone.get(base + "/tables/t1/members").status()).isEqualTo(200);
        LiveBoardStreams.OpenStream stream = LiveBoardStreams.open(port, base, "X-Minga-Table-Code", code);
        assertThat(stream.lines().poll(10, TimeUnit.SECONDS)).as("the board, on connect").isNotNull();

        api.post(base + "/close", "{}").expect(200);

        assertThat(stream.ended()).succeedsWithin(AT_ONCE);
        assertThat(phone.get(base + "/tables/t1/members").status()).isEqualTo(401);
        assertThat(phone.get(base + "/board").status()).isEqualTo(401);
        assertThat(api.get(base + "/tables").expect(200).json().at("/0/joinCode").isNull())
                .as("a closed assembly gets no new codes").isTrue();
        assertThat(api.send("POST", base + "/tables/t1/join-code", null).status()).isEqualTo(409);
    }

    @Test
    void aCodeStopsWorkingAtTheEndOfItsLifetimeAndTheConsoleAsksForANewOne() {
        String base = LiveBoardStreams.assemblyWithOneTable(facilitator(), "code-lifetime");
        MingaClient api = facilitator();
        String code = api.get(base + "/tables").expect(200).json().at("/0/joinCode").asText();
        assertThat(api.asTable(code).get(base + "/tables/t1/members").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertThat(api.asTable(code).get(base + "/tables/t1/members").status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/join", "{\"code\": \"" + code + "\"}").status()).isEqualTo(401);
        assertThat(api.get(base + "/tables").expect(200).json().at("/0/joinCode").isNull())
                .as("the expired code is gone and reading makes no new one").isTrue();
        String renewed = api.post(base + "/tables/t1/join-code", "{}").expect(200).json().get("joinCode").asText();
        assertThat(renewed).isNotEqualTo(code);
        assertThat(api.asTable(renewed).get(base + "/tables/t1/members").status()).isEqualTo(200);
        assertThat(api.get(base + "/tables").expect(200).json().at("/0/joinCode").asText()).isEqualTo(renewed);
    }

    @Test
    void theSplitGivesEveryTableItsCodeWithoutAnyoneReadingTheTables() {
        MingaClient api = facilitator();
        api.post("/api/assemblies", """
                {"assemblyId": "split-codes", "title": "Asamblea", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"},
                 "axes": [{"axisId": "credit", "title": "Crédito"}, {"axisId": "training", "title": "Formación"}]}""").expect(201);
        for (String person : List.of("p1", "p2", "p3", "p4")) {
            api.post("/api/assemblies/split-codes/participants",
                    "{\"participantId\": \"" + person + "\", \"name\": \"" + person + "\", \"organization\": \"Coop " + person + "\"}")
                    .expect(201);
        }

        var split = api.post("/api/assemblies/split-codes/split-into-tables", "{\"tableSize\": 2}").expect(200).json().get("tables");

        assertThat(split.size()).isGreaterThan(1);
        for (var table : split) {
            String tableId = table.get("tableId").asText();
            String code = table.get("joinCode").asText();
            assertThat(tableCodes.codesOf("split-codes", List.of(tableId))).as(tableId).containsEntry(tableId, code);
            assertThat(tableCodes.tableOf(code)).as(tableId).contains(new TableCodes.TableAccess("split-codes", tableId));
        }
    }

    @Test
    void readingTheTablesNeverMakesACode() {
        String base = LiveBoardStreams.assemblyWithOneTable(facilitator(), "read-codes");
        MingaClient api = facilitator();
        registry.delete(RegistryKinds.TABLE_CODES, Match.is("assemblyId", "read-codes"));

        assertThat(api.get(base + "/tables").expect(200).json().at("/0/joinCode").isNull()).isTrue();
        assertThat(api.get(base + "/tables").expect(200).json().at("/0/joinCode").isNull()).isTrue();
        assertThat(registry.find(RegistryKinds.TABLE_CODES, Match.is("assemblyId", "read-codes")))
                .as("codes after two reads").isEmpty();
    }
}
