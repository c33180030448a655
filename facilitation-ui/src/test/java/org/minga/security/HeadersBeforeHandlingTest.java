package org.minga.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security headers are on the response before any handler runs. A live board's events are
 * written from another thread than the request's; headers still being written when the first
 * event goes out broke Tomcat's header table under 3,000 streams opening (the benchmark's
 * NullPointerExceptions in MimeHeaders, a stream answered 500 or dropped).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HeadersBeforeHandlingTest.WhatTheHandlerSees.class)
class HeadersBeforeHandlingTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("headers-first");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void aHandlerFindsTheSecurityHeadersAlreadyWritten() {
        String seen = new MingaClient("http://localhost:" + port).get("/api/test/headers-seen-by-handler").expect(200).text();

        assertThat(seen).isEqualTo("DENY nosniff");
    }

    @TestConfiguration
    @RestController
    static class WhatTheHandlerSees {
        @GetMapping("/api/test/headers-seen-by-handler")
        String seen(HttpServletResponse response) {
            return response.getHeader("X-Frame-Options") + " " + response.getHeader("X-Content-Type-Options");
        }
    }
}
