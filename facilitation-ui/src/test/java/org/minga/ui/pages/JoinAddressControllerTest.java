package org.minga.ui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minga.runtime.MingaProperties;
import org.minga.ui.pages.JoinAddressController.JoinAddress;
import org.springframework.mock.web.MockHttpServletRequest;

/** The address printed on table cards and projector QR codes, which phones must be able to dial. */
class JoinAddressControllerTest {

    private static final Optional<String> ON_THE_HALL_WIFI = Optional.of("192.168.1.20");
    private static final Optional<String> ON_NO_NETWORK = Optional.empty();

    @Test
    void aConfiguredPublicAddressWinsWhateverTheConsoleWasOpenedWith() {
        JoinAddressController controller = new JoinAddressController(properties("https://minga.agencia.example/"), () -> ON_NO_NETWORK);
        MockHttpServletRequest openedOnTheServer = request("localhost", 8080);

        assertThat(controller.joinAddress(openedOnTheServer)).isEqualTo(new JoinAddress("https://minga.agencia.example", true));
    }

    @Test
    void withoutOneThePhonesUseTheAddressThePageWasOpenedWith() {
        JoinAddressController controller = new JoinAddressController(properties(""), () -> ON_NO_NETWORK);

        assertThat(controller.joinAddress(request("192.168.1.20", 8080))).isEqualTo(new JoinAddress("http://192.168.1.20:8080", true));
    }

    @Test
    void aConsoleOpenedOnLocalhostGivesTheHallsNetworkAddress() {
        JoinAddressController controller = new JoinAddressController(properties(""), () -> ON_THE_HALL_WIFI);

        assertThat(controller.joinAddress(request("localhost", 8080))).isEqualTo(new JoinAddress("http://192.168.1.20:8080", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.0.1.1", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void aLaptopOnNoNetworkSaysPhonesCannotReachIt(String host) {
        JoinAddressController controller = new JoinAddressController(properties(""), () -> ON_NO_NETWORK);

        var answer = controller.joinAddress(request(host, 8080));

        assertThat(answer.reachable()).isFalse();
        assertThat(answer.baseUrl()).startsWith("http://").endsWith(":8080");
    }

    @Test
    void aPublicAddressIsReachableEvenOnNoNetwork() {
        JoinAddressController controller = new JoinAddressController(properties("http://minga.salon:8080"), () -> ON_NO_NETWORK);

        assertThat(controller.joinAddress(request("127.0.0.1", 8080))).returns(true, JoinAddress::reachable);
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
