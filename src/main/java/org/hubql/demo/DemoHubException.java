package org.hubql.demo;

/** The demo hub database could not be written; the message is one line meant for the operator. */
public final class DemoHubException extends Exception {
    private static final long serialVersionUID = 1L;

    public DemoHubException(String message) {
        super(message);
    }

    public DemoHubException(String message, Throwable cause) {
        super(message, cause);
    }
}
