package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.minga.MingaApplication;
import org.minga.assembly.api.ReviseNeedPieceCommand;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The laptop's disk holds a season of assemblies. While Minga runs, each event adds a few KiB to
 * the event store at most: H2 writes a new chunk at each acknowledged commit, and without
 * housekeeping none was reclaimed (some 22 KiB an event here, 24 KiB on the 110,000-event data set).
 * Once Minga has stopped and compacted its files, an event takes under 1 KiB. What a run adds is
 * measured over its last two thirds, once the JVM has warmed up: the chunks of the last moment,
 * which H2 keeps before reusing them, cost the same at any length of run.
 */
class EventStoreSizeTest {

    private static final int REVISIONS = 3_000;
    private static final long BYTES_ADDED_PER_EVENT_WHILE_RUNNING = 4 * 1024;
    private static final long BYTES_PER_EVENT_STOPPED = 1024;

    @Test
    void eachEventAddsAFewKibibytesWhileMingaRunsAndTakesUnderOneOnceItStops() {
        Path dataDir = TestDataDirectories.fresh("store-size");
        Path events = dataDir.resolve("events.mv.db");
        long storedWarm;
        long bytesWarm;
        long stored;
        long bytesWhileRunning;
        try (ConfigurableApplicationContext minga = new SpringApplicationBuilder(MingaApplication.class)
                .run("--minga.data-dir=" + dataDir, "--server.port=0")) {
            int port = ((WebServerApplicationContext) minga).getWebServer().getPort();
            openNeedsOfOneTable(new MingaClient("http://localhost:" + port));
            CommandGateway commands = minga.getBean(CommandGateway.class);
            JdbcTemplate eventStore = new JdbcTemplate(minga.getBean(DataSource.class));
            revise(commands, 1, REVISIONS / 3);
            storedWarm = count(eventStore);
            bytesWarm = size(events);
            revise(commands, REVISIONS / 3 + 1, REVISIONS);
            stored = count(eventStore);
            bytesWhileRunning = size(events);
        }
        long bytesStopped = size(events);

        assertThat(stored).isGreaterThan(REVISIONS);
        assertThat((bytesWhileRunning - bytesWarm) / (stored - storedWarm))
                .as("bytes added per event while running (%d bytes at %d events, %d at %d)",
                        bytesWarm, storedWarm, bytesWhileRunning, stored)
                .isLessThanOrEqualTo(BYTES_ADDED_PER_EVENT_WHILE_RUNNING);
        assertThat(bytesStopped / stored).as("bytes per event once stopped (%d events, %d bytes)", stored, bytesStopped)
                .isLessThanOrEqualTo(BYTES_PER_EVENT_STOPPED);
    }

    private static void revise(CommandGateway commands, int from, int to) {
        for (int i = from; i <= to; i++) {
            commands.sendAndWait(new ReviseNeedPieceCommand("size", "t1", "need", "Necesidad revisada " + i));
        }
    }

    private static long count(JdbcTemplate eventStore) {
        return eventStore.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static void openNeedsOfOneTable(MingaClient facilitator) {
        String token = facilitator.post("/api/tokens", "{\"label\": \"size\"}").expect(201).json().get("token").asText();
        MingaClient client = facilitator.with("Authorization", "Bearer " + token);
        client.post("/api/assemblies", """
                {"assemblyId": "size", "title": "Asamblea larga", "region": "Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2026", "to": "2027"}, "axes": [{"axisId": "a", "title": "Crédito"}]}""").expect(201);
        for (int i = 1; i <= 2; i++) {
            client.post("/api/assemblies/size/participants",
                    "{\"participantId\": \"p" + i + "\", \"name\": \"Persona " + i + "\", \"organization\": \"O" + i + "\"}").expect(201);
        }
        client.post("/api/assemblies/size/split-into-tables", "{\"tableSize\": 2}").expect(200);
        client.post("/api/assemblies/size/steps/needs/open", "{}").expect(200);
        client.post("/api/assemblies/size/tables/t1/needs", "{\"pieceId\": \"need\", \"text\": \"Necesidad\"}").expect(201);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
