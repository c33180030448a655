package org.minga.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the space of Minga's H2 files back while Minga runs. H2 writes a new chunk of at least
 * 4 KiB at each commit and leaves the chunks it outdated behind; its own background writer
 * rewrites and reclaims them, but with {@code WRITE_DELAY=0} (an acknowledged command is in the
 * file) it starts none, and the event store grew by some 24 KiB an event. Every {@link #INTERVAL}
 * one daemon thread does for such a file what that writer does at each turn: it rewrites the live
 * pages of sparse chunks into a new one, in steps of {@link #STEP_BYTES}, each holding the file for
 * a few milliseconds, at most {@link #PASS_BUDGET} a pass, so commands never wait long behind it.
 * The next commit then frees the chunks left with nothing live and writes into their space, and
 * H2 cuts the file when its end is free. It does not move chunks to shrink the file while Minga
 * runs (H2's compactMoveChunks): that gained little (3.5 against 3.7 KiB an event) and tripped an
 * assertion of H2's under the tests, which closed the store; SHUTDOWN COMPACT shrinks it at the
 * end. A file with a writer of its own (written within half a second) is left to it, bar a
 * shorter retention: rewriting from here would race its asynchronous saves.
 * <p>
 * Every file may reuse a chunk {@link #RETENTION} after writing it, instead of H2's 45 s. H2 lets
 * a chunk be overwritten once the disk can be trusted to hold what replaced it; each pass forces
 * the file to the disk first, so that holds within a pass's interval and its own length. The
 * chunks of the last retention are what a running file carries beyond its live data, so the
 * shorter the better: measured on H2 alone at 250 commits a second, 3,000 rows, a retention of
 * 1 s (a pass every 500 ms) kept 4.0 KiB an event on disk, 500 ms (every 250 ms) 2.4, 0 s 1.6;
 * at 110 commits a second 5 s kept 5.7 KiB and 2 s 2.9. At 45 s none of a busy hall's last 45 s
 * could be reclaimed.
 * <p>
 * A file that cannot be written (a full disk) is left alone: a pass is skipped while the disk has
 * less than {@link #FREE_SPACE_NEEDED} free or while its owner says it is unavailable, and a pass
 * that fails anyway is logged once, in a line, until one succeeds again. The housekeeper never
 * closes a file; H2 itself closes one whose write failed, as it does after a command's, and the
 * owner is told so.
 */
public final class H2Housekeeping implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(250);
    static final Duration RETENTION = Duration.ofMillis(500);
    /** Below this live share, chunks are rewritten (H2's own writer aims at 81 % while the file is in use, 90 % when idle). */
    static final int TARGET_FILL_RATE = 80;
    /** The live data one step rewrites: a few milliseconds under the file's lock. */
    static final int STEP_BYTES = 256 * 1024;
    /** The most time one pass spends on one file. */
    static final Duration PASS_BUDGET = Duration.ofMillis(100);
    static final long FREE_SPACE_NEEDED = 64L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    /** How the housekeeper reaches an open file's store: null when there is none to tidy now. */
    @FunctionalInterface
    public interface StoreAccess {
        MVStore open() throws Exception;
    }

    private final Path dataDir;
    private final List<Kept> files = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread housekeeper = new Thread(runnable, "h2-housekeeping");
        housekeeper.setDaemon(true);
        housekeeper.setPriority(Thread.MIN_PRIORITY);
        return housekeeper;
    });

    public H2Housekeeping(Path dataDir) {
        this(dataDir, INTERVAL);
    }

    H2Housekeeping(Path dataDir, Duration interval) {
        this.dataDir = dataDir;
        thread.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps one file small. {@code unavailable}: while true the file is left alone (its owner
     * knows it cannot be written); {@code failed}: told when a pass found the file unusable.
     */
    public void keep(String name, StoreAccess access, BooleanSupplier unavailable, Consumer<Throwable> failed) {
        files.add(new Kept(name, access, unavailable, failed));
    }

    public void keep(String name, StoreAccess access) {
        keep(name, access, () -> false, failure -> { });
    }

    /** The store of an H2 database this process opened, reached through one of its connections. */
    public static StoreAccess storeOf(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                Session session = connection.unwrap(JdbcConnection.class).getSession();
                if (session instanceof SessionLocal local) {
                    Store store = local.getDatabase().getStore();
                    return store == null ? null : store.getMvStore();
                }
                return null;
            }
        };
    }

    synchronized void pass() {
        for (Kept file : files) {
            file.tidy();
        }
    }

    private boolean diskHasRoom() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace() >= FREE_SPACE_NEEDED;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Lets a pass under way finish (at most a few hundred milliseconds) rather than interrupt it:
     * an interrupted thread's file channel is closed under H2.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("H2 housekeeping did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Kept {
        private final String name;
        private final StoreAccess access;
        private final BooleanSupplier unavailable;
        private final Consumer<Throwable> failed;
        private MVStore store;
        private long writesSeen = -1;
        private boolean failing;

        Kept(String name, StoreAccess access, BooleanSupplier unavailable, Consumer<Throwable> failed) {
            this.name = name;
            this.access = access;
            this.unavailable = unavailable;
            this.failed = failed;
        }

        void tidy() {
            if (unavailable.getAsBoolean() || !diskHasRoom()) {
                return;
            }
            try {
                if (store == null || store.isClosed()) {
                    store = access.open();
                }
                if (store != null && !store.isClosed() && store.getFileStore() != null) {
                    long writes = store.getFileStore().getWriteCount();
                    if (writes != writesSeen) {
                        boolean unfinished = compactInSteps(store);
                        writesSeen = unfinished ? -1 : store.getFileStore().getWriteCount();
                    }
                }
                if (failing) {
                    failing = false;
                    log.info("{} is compacted again", name);
                }
            } catch (Exception | AssertionError e) {
                // AssertionError: H2's own checks, when assertions are on; a scheduled task that threw would never run again.
                boolean closed = store != null && store.isClosed();
                store = null;
                if (!failing) {
                    failing = true;
                    log.warn("{} could not be compacted ({}); it is tried again while Minga runs", name, rootMessage(e));
                }
                if (closed) {
                    failed.accept(e);
                }
            }
        }
    }

    /**
     * What H2's background writer does at each of its turns (RandomAccessStore.doHousekeeping), in
     * bounded steps. True when the pass ran out of time with work left.
     */
    private static boolean compactInSteps(MVStore store) {
        FileStore<?> file = store.getFileStore();
        if (file == null || file.isReadOnly()) {
            return false;
        }
        if (store.getRetentionTime() != RETENTION.toMillis()) {
            store.setRetentionTime((int) RETENTION.toMillis());
        }
        if (store.getAutoCommitDelay() > 0) {
            return false;
        }
        store.sync();
        long until = System.nanoTime() + PASS_BUDGET.toNanos();
        while (file.getChunksFillRate() < TARGET_FILL_RATE && store.compact(TARGET_FILL_RATE, STEP_BYTES)
                && System.nanoTime() < until) {
            Thread.yield();
        }
        return System.nanoTime() >= until;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
