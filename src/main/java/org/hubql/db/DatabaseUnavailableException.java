package org.hubql.db;

import org.jspecify.annotations.Nullable;

/**
 * The database cannot be read now, whatever the statement: the server is down or unreachable, the SQLite file is
 * gone, replaced by one hubql cannot serve, or not whole. Worth a retry later ({@code 503}), unlike a failed
 * statement. The message says which, without a password or a parameter value.
 */
public final class DatabaseUnavailableException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause, false);
    }
}
