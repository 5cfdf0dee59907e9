package com.minkshop.command.common;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells "the database could not serve this request right now" apart from every other failure: the first is worth
 * retrying (answered 503 SERVICE_UNAVAILABLE), the others are faults or refusals.
 */
public final class DatabaseFailures {

    // deep enough for Axon's and Spring's wrappers, bounded against cause cycles
    private static final int MAX_DEPTH = 16;

    private DatabaseFailures() {
    }

    /** Whether the failure, or anything it was caused by, means the database was unreachable or refused to serve. */
    public static boolean isUnavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            // Hikari's "connection is not available" after its connection timeout, and drivers' broken connections
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && (isUnavailableState(sql.getSQLState()) || isEvictedConnection(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's answer (without a SQLSTATE) for a connection it already evicted as broken, e.g. when the rollback
     * after a lost connection replaces the original failure.
     */
    private static boolean isEvictedConnection(SQLException failure) {
        return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
    }

    /**
     * PostgreSQL's SQLSTATEs for a server that cannot serve now: connection exceptions (class 08), insufficient
     * resources (53: too many connections, disk full, out of memory), operator intervention (57: shutdown, crash
     * recovery, a statement cancelled by {@code statement_timeout}) and a session ended by
     * {@code idle_in_transaction_session_timeout} (25P03).
     */
    static boolean isUnavailableState(String state) {
        return state != null
                && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                    || state.equals("25P03"));
    }
}
