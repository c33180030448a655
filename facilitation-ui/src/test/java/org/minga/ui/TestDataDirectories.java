package org.minga.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data directories under target/, created before a Spring context needs them (JUnit's @TempDir comes too late). */
public final class TestDataDirectories {

    private TestDataDirectories() {
    }

    public static Path fresh(String name) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(parent, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
