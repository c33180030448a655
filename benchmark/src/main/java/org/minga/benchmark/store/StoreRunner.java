package org.minga.benchmark.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs inside minga.jar, with Minga's own classes, configuration and event store, started by the
 * harness through Spring Boot's {@code PropertiesLauncher}:
 *
 * <pre>
 * java -Dloader.path=benchmark/target/classes -Dloader.main=org.minga.benchmark.store.StoreRunner \
 *      -cp minga.jar org.springframework.boot.loader.launch.PropertiesLauncher MODE DATA_DIR RESULT_FILE AMOUNT [DEEP_EVENTS]
 * </pre>
 *
 * {@code append DATA_DIR RESULT_FILE SECONDS}: raw appends to the event store ({@link RawAppends});
 * {@code dataset DATA_DIR RESULT_FILE EVENTS [DEEP_EVENTS]}: a data directory holding at least that
 * many events, built with Minga's commands ({@link RoomDataset}), and given DEEP_EVENTS a deep
 * assembly of that many events too, with four shallow ones to compare it with. Either writes what
 * it measured as one JSON object to RESULT_FILE and exits 0; on a failure it exits 1 and says why
 * on the console.
 * The facilitator's password comes in {@code MINGA_FACILITATOR_PASSWORD}, as for Minga itself.
 * Only Minga's classes, Spring's, Axon's and Jackson's are used here, and of the harness only
 * {@code Machine} (the JDK alone), found on the same loader.path.
 */
public final class StoreRunner {

    /** A constant, so the harness names this class without loading it (or Spring and Axon with it). */
    public static final String MAIN_CLASS = "org.minga.benchmark.store.StoreRunner";
    public static final String APPEND = "append";
    public static final String DATASET = "dataset";

    private StoreRunner() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            boolean deep = args.length == 5 && DATASET.equals(args[0]);
            if (args.length != 4 && !deep) {
                throw new IllegalArgumentException("Expected MODE DATA_DIR RESULT_FILE AMOUNT, and for " + DATASET
                        + " optionally DEEP_EVENTS; got " + String.join(" ", args));
            }
            Path dataDir = Path.of(args[1]);
            Path resultFile = Path.of(args[2]);
            long amount = Long.parseLong(args[3]);
            Map<String, Object> result = switch (args[0]) {
                case APPEND -> RawAppends.run(dataDir, Duration.ofSeconds(amount));
                case DATASET -> RoomDataset.build(dataDir, amount, deep ? Long.parseLong(args[4]) : 0);
                default -> throw new IllegalArgumentException("Unknown mode " + args[0] + ": " + APPEND + " or " + DATASET);
            };
            write(result, resultFile);
        } catch (Throwable e) {
            System.err.println("[store runner] failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        // Minga's context is closed by now; a lingering non-daemon thread must not keep this JVM up.
        System.exit(status);
    }

    private static void write(Map<String, Object> result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = parent.resolve(file.getFileName() + ".partial");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(partial.toFile(), result);
        // Whole or absent: the harness never reads half a result.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void log(String message) {
        System.out.println("[store runner] " + message);
    }
}
