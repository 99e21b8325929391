package org.hubql.db;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells a failure of the database itself (a server down or unreachable, a pool with no connection to give, a SQLite
 * file that is not a whole database) from a failure of one statement.
 */
final class Outages {
    /** PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03", "53300");

    /** SQLite's primary result codes for a file that is not (or no longer) a whole, readable database. */
    private static final Set<SQLiteErrorCode> SQLITE_FILE_FAULTS = Set.of(
            SQLiteErrorCode.SQLITE_NOTADB,
            SQLiteErrorCode.SQLITE_CORRUPT,
            SQLiteErrorCode.SQLITE_CANTOPEN,
            SQLiteErrorCode.SQLITE_IOERR);

    private Outages() {
        // non-constructable
    }

    static boolean isOutage(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (isOutageCause(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageCause(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException // HikariCP: no connection within connectionTimeout
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof SocketException
                || cause instanceof SocketTimeoutException
                || cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof EOFException) {
            return true;
        }
        if (cause instanceof SQLiteException sqlite) {
            return SQLITE_FILE_FAULTS.contains(primary(sqlite.getResultCode()));
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || SERVER_GOING_AWAY.contains(state);
        }
        return false;
    }

    /** The primary code of an extended one ({@code SQLITE_IOERR_SHORT_READ} → {@code SQLITE_IOERR}). */
    private static SQLiteErrorCode primary(SQLiteErrorCode code) {
        return SQLiteErrorCode.getErrorCode(code.code & 0xff);
    }
}
