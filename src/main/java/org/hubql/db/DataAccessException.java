package org.hubql.db;

/** A statement failed. The message names what failed, never a parameter value. */
public final class DataAccessException extends RuntimeException {
    private final boolean timedOut;

    DataAccessException(String message, Throwable cause, boolean timedOut) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
