package org.minga.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The data directory is its owner's alone: it holds the events, the registry of people (names,
 * phones), the facilitators' password hashes, sessions, codes and links. Before any bean opens it,
 * Minga creates it (embedded runtime) {@code rwx------}, or narrows it so, and its files
 * {@code rw-------}; once started it narrows the files the stores created meanwhile. Another user
 * of the laptop can then neither list nor read them. On a file system without POSIX permissions
 * (Windows) nothing is changed: there the user's own folders are already private.
 */
public final class OwnerOnlyDataDirectory implements BeanFactoryPostProcessor, EnvironmentAware,
        ApplicationListener<ApplicationReadyEvent> {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final List<String> STORES = List.of("events", EmbeddedStorageConfiguration.VIEWS,
            EmbeddedStorageConfiguration.REGISTRY, "read-models");

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyDataDirectory.class);

    private Path directory;
    private boolean embedded;

    @Override
    public void setEnvironment(Environment environment) {
        directory = Path.of(environment.getProperty("minga.data-dir", "./data"));
        embedded = !environment.matchesProfiles(AxonServerRuntime.PROFILE);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (embedded && Files.notExists(directory)) {
            create(directory);
        }
        narrow(directory);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        narrow(directory);
    }

    /** Creates the directory, its owner's alone from the first instant. */
    static void create(Path directory) {
        try {
            if (posix()) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory.toAbsolutePath(), e);
        }
    }

    /**
     * Minga's files in the directory {@code rw-------}, and the directory {@code rwx------} when
     * nothing else is in it: a directory shared with other files (someone's home, say) keeps its
     * mode, which the log says. A file that cannot be changed (a read-only disk) is said in the log
     * and left: the stores then say for themselves what they cannot do.
     */
    static void narrow(Path directory) {
        if (!posix() || !Files.isDirectory(directory)) {
            return;
        }
        boolean onlyMinga = true;
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (mingas(entry)) {
                    set(entry, FILE);
                } else {
                    onlyMinga = false;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not read the data directory {} to make it its owner's only: {}", directory.toAbsolutePath(), e.toString());
            return;
        }
        if (onlyMinga) {
            set(directory, DIRECTORY);
        } else {
            log.warn("The data directory {} holds other files than Minga's, so Minga leaves its permissions as they are; "
                    + "give Minga a directory of its own to keep other users out of it", directory.toAbsolutePath());
        }
    }

    /** A store file written anew (compacting at shutdown copies it into a new file): its owner's only again. */
    static void narrowFile(Path file) {
        if (posix() && Files.isRegularFile(file)) {
            set(file, FILE);
        }
    }

    /** The files Minga's stores write: events.mv.db, views.mv.db, registry.mv.db, their trace files, an earlier release's read-models.mv. */
    static boolean mingas(Path entry) {
        String name = entry.getFileName().toString();
        return Files.isRegularFile(entry) && STORES.stream().anyMatch(store -> name.startsWith(store + "."));
    }

    private static void set(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException | SecurityException e) {
            log.warn("Could not make {} readable by its owner only: {}", path.toAbsolutePath(), e.toString());
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
