package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A console creates the projector link right after scheduling, before the assembly's summary is
 * written: it gets its link, not a 404. An assembly never scheduled still gets its 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JustScheduledAssemblyTest {

    /** The processor that writes assembly summaries. */
    private static final String SUMMARIES = "assemblies";
    private static final Path DATA_DIR = TestDataDirectories.fresh("just-scheduled");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @AfterEach
    void summariesRunAgain() {
        summaries().start();
    }

    @Test
    void aProjectorLinkAskedForBeforeTheSummaryIsWrittenIsCreatedOnceItIs() {
        MingaClient facilitator = new MingaClient("http://localhost:" + port);
        summaries().shutDown();
        new ScriptedAssembly(facilitator).schedule();
        CompletableFuture.runAsync(() -> summaries().start(), CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));

        MingaClient.Answer link = facilitator.post("/api/assemblies/" + ScriptedAssembly.ID + "/links", "{\"kind\": \"projector\"}");

        assertThat(link.status()).isEqualTo(201);
        assertThat(link.json().get("url").asText()).startsWith("/projector/" + ScriptedAssembly.ID + "?link=");
    }

    @Test
    void anAssemblyNeverScheduledIsStillUnknown() {
        MingaClient facilitator = new MingaClient("http://localhost:" + port);

        MingaClient.Answer link = facilitator.post("/api/assemblies/nunca-programada/links", "{\"kind\": \"projector\"}");

        assertThat(link.status()).isEqualTo(404);
        assertThat(link.json().get("code").asText()).isEqualTo("assembly.unknown");
    }

    private EventProcessor summaries() {
        return processing.eventProcessor(SUMMARIES).orElseThrow();
    }
}
