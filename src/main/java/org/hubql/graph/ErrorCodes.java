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
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String BAD_GATEWAY = "BAD_GATEWAY";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String QUERY_TOO_DEEP = "QUERY_TOO_DEEP";
    public static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    public static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";
    public static final String TOO_MANY_ROOT_FIELDS = "TOO_MANY_ROOT_FIELDS";
    public static final String TOO_MANY_FIELDS = "TOO_MANY_FIELDS";
    public static final String INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";
    public static final String OVERLOADED = "OVERLOADED";

    private ErrorCodes() {
        // non-constructable
    }
}
