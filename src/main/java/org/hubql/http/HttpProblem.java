package org.hubql.http;

import java.util.List;

/** A request the HTTP layer refuses before any GraphQL runs: a status, a code and a message for the client. */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<String> requiredScopes;

    HttpProblem(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    /** A refusal naming the scopes that would have been allowed, as {@code extensions.requiredScopes}. */
    HttpProblem(int status, String code, String message, List<String> requiredScopes) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.requiredScopes = List.copyOf(requiredScopes);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> requiredScopes() {
        return requiredScopes;
    }
}
