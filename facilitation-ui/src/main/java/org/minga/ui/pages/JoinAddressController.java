package org.minga.ui.pages;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.minga.runtime.MingaProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The address phones should use to reach this laptop. A projector opened on "localhost" would
 * otherwise print a QR code no phone can follow, so the hall's network address is preferred.
 */
@RestController
public class JoinAddressController {

    private final String publicUrl;

    public JoinAddressController(MingaProperties properties) {
        this.publicUrl = properties.publicUrl() == null ? "" : properties.publicUrl().strip().replaceAll("/+$", "");
    }

    /** The configured public address ({@code MINGA_PUBLIC_URL}) if any, else the one this request came in by. */
    @GetMapping("/api/join-address")
    public Map<String, String> joinAddress(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) {
            return Map.of("baseUrl", publicUrl);
        }
        String host = request.getServerName();
        if ("localhost".equals(host) || host.startsWith("127.")) {
            host = siteLocalAddress().orElse(host);
        }
        return Map.of("baseUrl", request.getScheme() + "://" + host + ":" + request.getServerPort());
    }

    private static Optional<String> siteLocalAddress() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback() || network.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
