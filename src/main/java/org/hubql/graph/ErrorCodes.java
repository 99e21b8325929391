package org.hubql.graph;

/** The values of {@code extensions.code} on hubql's GraphQL errors. */
public final class ErrorCodes {
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String DATABASE_ERROR = "DATABASE_ERROR";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    public static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String BAD_REQUEST = "BAD_REQUEST";

    private ErrorCodes() {
        // non-constructable
    }
}
