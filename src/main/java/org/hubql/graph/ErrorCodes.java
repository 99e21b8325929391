package org.hubql.graph;

/** The values of {@code extensions.code} on hubql's GraphQL errors. */
public final class ErrorCodes {
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String DATABASE_ERROR = "DATABASE_ERROR";
    /** The database cannot be read now (server down or unreachable, SQLite file gone, replaced or damaged): retry. */
    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

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
    /** The lane of expensive queries is full: retry after {@code Retry-After}. */
    public static final String OVERLOADED = "OVERLOADED";

    /** A persisted document named by hash or {@code documentId} that the server does not know; Apollo retries. */
    public static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

    public static final String PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    /** A document that is not trusted, sent to a server started with {@code --trusted-documents}. */
    public static final String TRUSTED_DOCUMENTS_ONLY = "TRUSTED_DOCUMENTS_ONLY";

    /** The code of an error graphql-java raised itself, by its {@code extensions.classification}. */
    public static String forClassification(String classification) {
        return switch (classification) {
            case "InvalidSyntax" -> GRAPHQL_PARSE_FAILED;
            case "ValidationError" -> GRAPHQL_VALIDATION_FAILED;
            case "OperationNotSupported" -> BAD_REQUEST;
            case "IntrospectionDisabled" -> INTROSPECTION_DISABLED;
            case "NullValueInNonNullableField", "DataFetchingException" -> INTERNAL_ERROR;
            default -> BAD_USER_INPUT;
        };
    }

    private ErrorCodes() {
        // non-constructable
    }
}
