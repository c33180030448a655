package org.minga.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What another user of the laptop can connect to while Minga runs embedded: its web port and
 * nothing else. Read from Linux's own tables of the process's sockets (/proc), as {@code ss -lntp}
 * would, so a store that opened a port of its own (as the embedded MongoDB of earlier releases did,
 * with no password) is seen whatever it is.
 */
class OpenPortsIT {

    /** A socket listening for connections, in /proc/net/tcp's hexadecimal state column. */
    private static final String LISTEN = "0A";

    private final Path dataDir = TestDataDirectories.fresh("ports");
    private final MingaJar minga = new MingaJar(dataDir);

    @AfterEach
    void stop() {
        minga.killAll();
    }

    @Test
    void theEmbeddedRuntimeListensOnItsWebPortOnly() throws Exception {
        Process process = minga.start();
        new ScriptedAssembly(minga.client()).schedule().registerTwelve().split();

        assertThat(listeningPorts(process.pid())).containsExactly(minga.port());
    }

    /** The ports the process listens on, over IPv4 and IPv6. */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        assertThat(proc.resolve("net/tcp")).as("this test reads Linux's /proc").exists();
        Set<String> sockets = socketInodes(proc.resolve("fd"));
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = proc.resolve(table);
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                for (String line : lines.subList(1, lines.size())) {
                    String[] columns = line.trim().split("\\s+");
                    String localAddress = columns[1];
                    String state = columns[3];
                    String inode = columns[9];
                    if (state.equals(LISTEN) && sockets.contains(inode)) {
                        ports.add(Integer.parseInt(localAddress.substring(localAddress.indexOf(':') + 1), 16));
                    }
                }
            }
        }
        return ports;
    }

    /** The inodes of the sockets among the process's open files ({@code socket:[12345]}). */
    private static Set<String> socketInodes(Path fds) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> entries = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) entries::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a file the process closed while we listed them
                }
            }
        }
        return inodes;
    }
}
