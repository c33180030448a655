package org.minga.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.minga.MingaApplication;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The data directory holds names, phones and password hashes: another user of the laptop must
 * not read it. Files written with the usual rw-r--r-- are narrowed to their owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnerOnlyDataDirectoryTest {

    /** Minga is started on a directory anyone could list, with a file anyone could read. */
    static final Path DATA_DIR = worldReadable(TestDataDirectories.fresh("owner-only"));

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    @Test
    void theDirectoryAndEveryStoreFileAreItsOwnersOnly() {
        Map<String, String> modes = modes(DATA_DIR);

        assertThat(modes).containsKeys("events.mv.db", "views.mv.db", "registry.mv.db");
        assertThat(modes).allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
        assertThat(mode(DATA_DIR)).isEqualTo("rwx------");
    }

    private static Path worldReadable(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            // A store file left readable by everyone, as releases before this one wrote them.
            Path trace = Files.writeString(directory.resolve("events.trace.db"), "an earlier run's trace");
            Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-r--r--"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDataDirectoryCreatedByMingaIsItsOwnersFromTheStart() {
        Path directory = TestDataDirectories.fresh("created").resolve("data");

        OwnerOnlyDataDirectory.create(directory);

        assertThat(mode(directory)).isEqualTo("rwx------");
    }

    @Test
    void aDirectorySharedWithOtherFilesKeepsItsModeAndOnlyMingasFilesAreNarrowed() throws IOException {
        Path home = TestDataDirectories.fresh("shared");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : List.of("events.mv.db", "notes.txt")) {
            Files.setPosixFilePermissions(Files.writeString(home.resolve(name), name), PosixFilePermissions.fromString("rw-r--r--"));
        }

        OwnerOnlyDataDirectory.narrow(home);

        assertThat(mode(home)).isEqualTo("rwxr-xr-x");
        assertThat(modes(home)).containsEntry("events.mv.db", "rw-------").containsEntry("notes.txt", "rw-r--r--");
    }

    /**
     * Stopping closes and compacts each file: before, H2 then wrote a {@code .trace.db} of the
     * connection it had just closed beside each store, readable by everyone.
     */
    @Test
    void afterAStopOnlyTheStoresAreLeftAndTheyAreItsOwnersOnly() {
        Path directory = TestDataDirectories.fresh("stopped").resolve("data");

        new SpringApplicationBuilder(MingaApplication.class)
                .run("--minga.data-dir=" + directory, "--server.port=0", "--minga.facilitator.password=" + MingaClient.FACILITATOR_PASSWORD)
                .close();

        assertThat(modes(directory)).isEqualTo(Map.of("events.mv.db", "rw-------", "views.mv.db", "rw-------", "registry.mv.db", "rw-------"));
    }

    private static Map<String, String> modes(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            Map<String, String> modes = new TreeMap<>();
            files.forEach(file -> modes.put(file.getFileName().toString(), mode(file)));
            return modes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
