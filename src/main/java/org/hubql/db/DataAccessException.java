package org.hubql.db;

import org.jspecify.annotations.Nullable;

/** A statement failed. The message names what failed, never a parameter value. */
public sealed class DataAccessException extends RuntimeException permits DatabaseUnavailableException {
    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    DataAccessException(String message, @Nullable Throwable cause, boolean timedOut) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
