package org.hubql.http;

/** A request the HTTP layer refuses before any GraphQL runs: a status, a code and a message for the client. */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    HttpProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
