package org.minga.ui.pages;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.minga.runtime.MingaProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The address phones should use to reach this laptop. A projector opened on "localhost" would
 * otherwise print a QR code no phone can follow, so the hall's network address is preferred; when
 * there is none, the answer says the address is not {@code reachable}, and the pages warn.
 */
@RestController
public class JoinAddressController {

    private final String publicUrl;
    private final HallNetwork hallAddress;

    /** The address phones should dial ({@code baseUrl}, no trailing slash) and whether phones can reach it. */
    public record JoinAddress(String baseUrl, boolean reachable) {
    }

    /** This computer's address on the hall's network, if it is on one. */
    @FunctionalInterface
    public interface HallNetwork {
        Optional<String> address();
    }

    /** The first site-local IPv4 address of a network interface that is up (Wi-Fi or cable). */
    @Component
    static class NetworkInterfaces implements HallNetwork {
        @Override
        public Optional<String> address() {
            return siteLocalAddress();
        }
    }

    public JoinAddressController(MingaProperties properties, HallNetwork hallAddress) {
        this.publicUrl = properties.publicUrl() == null ? "" : properties.publicUrl().strip().replaceAll("/+$", "");
        this.hallAddress = hallAddress;
    }

    /**
     * The configured public address ({@code MINGA_PUBLIC_URL}) if any, else the one this request came in
     * by, or the hall's network address when that was this computer's own (loopback): unreachable
     * from phones unless the computer is on a network.
     */
    @GetMapping("/api/join-address")
    public JoinAddress joinAddress(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) {
            return new JoinAddress(publicUrl, true);
        }
        String host = request.getServerName();
        boolean reachable = true;
        if (isLoopback(host)) {
            Optional<String> onTheNetwork = hallAddress.address();
            reachable = onTheNetwork.isPresent();
            host = onTheNetwork.orElse(host);
        }
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return new JoinAddress(request.getScheme() + "://" + bracketed + ":" + request.getServerPort(), reachable);
    }

    static boolean isLoopback(String host) {
        String bare = host.replaceAll("^\\[|]$", "").toLowerCase(java.util.Locale.ROOT);
        return bare.equals("localhost") || bare.endsWith(".localhost") || bare.startsWith("127.")
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
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
