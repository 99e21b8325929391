package org.hubql.graph;

/**
 * A request refused before it ran because too many expensive queries are already waiting ({@link ExecutionLanes}):
 * the server is busy, not the client at fault, so HTTP answers 503 with a {@code Retry-After}.
 */
public final class Overloaded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How long a client should wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    Overloaded(String message) {
        super(message, null, false, false);
    }
}
