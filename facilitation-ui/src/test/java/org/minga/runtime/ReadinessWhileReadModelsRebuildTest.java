package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minga.MingaApplication;
import org.minga.ui.MingaClient;
import org.minga.ui.ScriptedAssembly;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The read models were dropped (a new disk, an operator's mistake) and Minga starts again: it
 * rebuilds them from the event store, and says "not ready" until they hold everything stored,
 * so no phone or projector is sent to a board missing half the room.
 */
class ReadinessWhileReadModelsRebuildTest {

    private static final CountDownLatch BOARD_MAY_GO_ON = new CountDownLatch(1);

    private final Path dataDir = TestDataDirectories.fresh("catch-up");
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        BOARD_MAY_GO_ON.countDown();
        if (running != null) {
            running.close();
        }
    }

    @Test
    void notReadyUntilTheRebuiltBoardHasEveryStoredEvent() throws Exception {
        running = start(MingaApplication.class);
        ScriptedAssembly assembly = new ScriptedAssembly(client()).schedule().registerTwelve().split().writeNeeds();
        running.close();
        Files.delete(dataDir.resolve("views.mv.db"));

        running = start(MingaApplication.class, HeldBoard.class);
        MingaClient client = client();

        assertThat(client.anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(client.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);

        BOARD_MAY_GO_ON.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.anonymous().get("/actuator/health/readiness").status() == 200);
        assertThat(client.get("/api/assemblies/" + ScriptedAssembly.ID + "/board").expect(200).json().findValues("pieceId"))
                .hasSize(assembly.allLiveNeeds().size());
    }

    private ConfigurableApplicationContext start(Class<?>... sources) {
        return new SpringApplicationBuilder(sources).run("--minga.data-dir=" + dataDir, "--server.port=0");
    }

    private MingaClient client() {
        return new MingaClient("http://localhost:" + running.getEnvironment().getProperty("local.server.port"));
    }

    /** Stands in for a long replay: the board's processor waits at its first event until the test lets it go on. */
    @ProcessingGroup("board")
    static class HeldBoard {
        @EventHandler
        void on(Object event) throws InterruptedException {
            BOARD_MAY_GO_ON.await(60, TimeUnit.SECONDS);
        }
    }
}
