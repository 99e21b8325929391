package org.hubql.db;

/** The hub database could not be opened; the message is one line meant for the operator. */
public final class DatabaseOpenException extends Exception {
    private static final long serialVersionUID = 1L;

    public DatabaseOpenException(String message) {
        super(message);
    }

    public DatabaseOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
