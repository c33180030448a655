package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryStorage;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A credential taken away on another instance (which shares MongoDB, not memory) ends this
 * instance's streams at their next periodic check, here every second instead of every 15.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamRecheckTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("stream-recheck");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
        registry.add("minga.streams.recheck", () -> "PT1S");
    }

    @LocalServerPort
    int port;

    @Autowired
    RegistryStorage registry;

    private MingaClient facilitator() {
        return new MingaClient("http://localhost:" + port);
    }

    @Test
    void aLinkRevokedOnAnotherInstanceEndsTheStreamAtItsNextCheck() throws Exception {
        String base = LiveBoardStreams.assemblyWithOneTable(facilitator(), "elsewhere-link");
        MingaClient api = facilitator();
        var link = api.post(base + "/links", "{\"kind\": \"projector\"}").expect(201).json();
        String token = link.get("url").asText().replaceAll(".*[?&]link=", "");
        LiveBoardStreams.OpenStream stream = LiveBoardStreams.open(port, base, "X-Minga-Link", token);
        assertThat(stream.lines().poll(10, TimeUnit.SECONDS)).as("the board, on connect").isNotNull();

        // Another instance shares the MongoDB, not this instance's memory.
        registry.delete(RegistryKinds.SHARE_LINKS, link.get("linkId").asText());

        assertThat(stream.ended()).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aCodeRegeneratedOnAnotherInstanceEndsTheOldCodesStream() throws Exception {
        String base = LiveBoardStreams.assemblyWithOneTable(facilitator(), "elsewhere-code");
        MingaClient api = facilitator();
        String code = api.get(base + "/tables").expect(200).json().at("/0/joinCode").asText();
        LiveBoardStreams.OpenStream stream = LiveBoardStreams.open(port, base, "X-Minga-Table-Code", code);
        assertThat(stream.lines().poll(10, TimeUnit.SECONDS)).as("the board, on connect").isNotNull();

        registry.delete(RegistryKinds.TABLE_CODES, code);

        assertThat(stream.ended()).succeedsWithin(Duration.ofSeconds(10));
    }
}
