package org.minga.ui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minga.runtime.MingaProperties;
import org.springframework.mock.web.MockHttpServletRequest;

/** The address printed on table cards and projector QR codes, which phones must be able to dial. */
class JoinAddressControllerTest {

    @Test
    void aConfiguredPublicAddressWinsWhateverTheConsoleWasOpenedWith() {
        JoinAddressController controller = new JoinAddressController(properties("https://minga.agencia.example/"));
        MockHttpServletRequest openedOnTheServer = request("localhost", 8080);

        assertThat(controller.joinAddress(openedOnTheServer)).containsEntry("baseUrl", "https://minga.agencia.example");
    }

    @Test
    void withoutOneThePhonesUseTheAddressThePageWasOpenedWith() {
        JoinAddressController controller = new JoinAddressController(properties(""));

        assertThat(controller.joinAddress(request("192.168.1.20", 8080))).containsEntry("baseUrl", "http://192.168.1.20:8080");
    }

    private static MockHttpServletRequest request(String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/join-address");
        request.setServerName(host);
        request.setServerPort(port);
        return request;
    }

    private static MingaProperties properties(String publicUrl) {
        return new MingaProperties(Path.of("data"), new MingaProperties.Mongo("", "minga"), new MingaProperties.Processors(4, 4), publicUrl);
    }
}
