package org.minga.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the registry over from the file releases before this one kept it in: {@code read-models.mv},
 * the H2 store of the in-process MongoDB (mongo-java-server), which also held the read models.
 * Each registry collection is copied document by document, as it was, into the registry that
 * replaces it; the read models are not copied, the events rebuild them. Once every document is
 * across, the old file is deleted: it holds names and phones that must be erasable, and a copy left
 * behind would keep what a facilitator erases later. Opened read-only and in this process, with
 * no server and no port.
 */
final class LegacyRegistryImport {

    static final String FILE = "read-models.mv";
    /** How mongo-java-server names a collection's documents in its store. */
    private static final String DOCUMENTS = "databases.";

    private static final Logger log = LoggerFactory.getLogger(LegacyRegistryImport.class);

    /** Where the documents go: copied as they are, by id, so running the import twice changes nothing. */
    @FunctionalInterface
    interface Destination {
        void put(String collection, Map<String, Object> document);
    }

    private LegacyRegistryImport() {
    }

    /** Answers how many documents were carried over; none when there is no old file. */
    static int carryOver(Path dataDir, String database, Collection<String> collections, Destination destination) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int carried = 0;
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open " + file.toAbsolutePath() + ", where the previous release kept the "
                    + "registry of people, facilitators and codes (is that release still running?): " + e.getMessage(), e);
        }
        try {
            for (String collection : collections) {
                String name = DOCUMENTS + database + "." + collection;
                if (!store.hasMap(name)) {
                    continue;
                }
                MVMap<Object, Object> documents = store.openMap(name);
                List<Map<String, Object>> copies = new ArrayList<>();
                for (Object document : documents.values()) {
                    copies.add(plain((Map<?, ?>) document));
                }
                copies.forEach(copy -> destination.put(collection, copy));
                carried += copies.size();
                log.info("Carried {} {} over from {}", copies.size(), collection, file.getFileName());
            }
        } finally {
            store.close();
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The registry was carried over from " + file.toAbsolutePath()
                    + " but the file could not be deleted; delete it by hand", e);
        }
        log.info("The registry of the previous release is in registry.mv.db now; {} deleted", file.getFileName());
        return carried;
    }

    /** The store's own document type as plain maps and lists, so nothing of mongo-java-server travels further. */
    private static Map<String, Object> plain(Map<?, ?> document) {
        Map<String, Object> copy = new LinkedHashMap<>();
        document.forEach((key, value) -> copy.put(key.toString(), plainValue(value)));
        return copy;
    }

    private static Object plainValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return plain(map);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(LegacyRegistryImport::plainValue).toList();
        }
        return value;
    }
}
