package org.hubql.graph;

/** An argument the client got wrong; its message goes back to the client as is, with code BAD_USER_INPUT. */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message, null, false, false);
    }
}
