package org.minga.runtime;

import java.sql.SQLException;
import java.util.Set;

import com.mongodb.MongoSocketException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the storage underneath (a full or unwritable disk, a closed database, a
 * read-model store that does not answer, an Axon Server that cannot be reached) from a bug: the first is answered 503 and retried by
 * the client, the second is a 500 to fix.
 */
public final class StorageFailures {

    /**
     * H2's codes for a database that cannot go on: closed (90098) or shut down (90121),
     * read only (90097), a file that cannot be read or written (90028, 90031) or is corrupted (90030).
     */
    static final Set<Integer> H2_STORE_UNUSABLE = Set.of(90098, 90121, 90097, 90028, 90031, 90030);

    private static final String MV_STORE_EXCEPTION = "org.h2.mvstore.MVStoreException";

    private StorageFailures() {
    }

    /** True when something in the chain of causes says the store itself cannot be used right now. */
    public static boolean storeUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && (H2_STORE_UNUSABLE.contains(sql.getErrorCode()) || isConnectionLost(sql))
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || isMvStoreFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL's class 08, "connection exception", or the pool's own word for a connection it closed under
     * a request because its database had to close (HikariCP gives that one no state).
     */
    private static boolean isConnectionLost(SQLException sql) {
        return sql.getSQLState() != null ? sql.getSQLState().startsWith("08") : "Connection is closed".equals(sql.getMessage());
    }

    /** True when a failure went through the database at all: while the store is known to be down, that is why. */
    public static boolean touchedTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Axon Server's codes for a message it could not deliver or a store it could not reach: a
     * connection that failed (3001), a command or a query that could not be dispatched (4003, 5002),
     * no event store leader (2100).
     */
    static final Set<String> AXON_SERVER_UNREACHABLE = Set.of("AXONIQ-3001", "AXONIQ-4003", "AXONIQ-5002", "AXONIQ-2100");

    /**
     * True when something in the chain of causes says Axon Server could not be reached (its gRPC
     * channel is unavailable, or it answered that it could not deliver); with {@code knownUnreachable},
     * any failure that came from Axon Server's connector counts.
     */
    public static boolean axonServerUnreachable(Throwable failure, boolean knownUnreachable) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc && (grpc.getStatus().getCode() == Status.Code.UNAVAILABLE
                    || grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)
                    || cause instanceof AxonServerQueryDispatchException
                    || cause instanceof org.axonframework.axonserver.connector.AxonServerException axon
                    && AXON_SERVER_UNREACHABLE.contains(axon.code())
                    || cause instanceof io.axoniq.axonserver.connector.AxonServerException connector
                    && AXON_SERVER_UNREACHABLE.contains(connector.getErrorCategory().errorCode())) {
                return true;
            }
            if (knownUnreachable && (cause instanceof org.axonframework.axonserver.connector.AxonServerException
                    || cause instanceof io.axoniq.axonserver.connector.AxonServerException)) {
                return true;
            }
        }
        return false;
    }

    /** H2's storage layer panicking (a write that failed, a file that could not be grown). */
    static boolean isMvStoreFailure(Throwable cause) {
        // JDBC batches report it only in the message of a "general error" (50000).
        return cause.getClass().getName().equals(MV_STORE_EXCEPTION)
                || cause instanceof SQLException sql && sql.getErrorCode() == 50000 && String.valueOf(sql.getMessage()).contains(MV_STORE_EXCEPTION);
    }
}
