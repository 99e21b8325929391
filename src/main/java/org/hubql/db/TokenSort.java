package org.hubql.db;

/** The orders {@code Query.apiTokens} can be paged in; each ends with the token id. */
public enum TokenSort {
    /** Tokens without a creation time come last. */
    CREATED("created"),
    /** Tokens never used come last, ascending or descending. */
    LAST_ACTIVITY("last_activity"),
    /** Tokens that never expire come last, ascending or descending. */
    EXPIRES_AT("expires_at"),
    ID("id");

    private final String column;

    TokenSort(String column) {
        this.column = column;
    }

    /** The {@code api_tokens} column the order needs. */
    public String column() {
        return column;
    }

    KeysetOrder order(boolean descending) {
        return this == ID
                ? KeysetOrder.byId("t.id", descending)
                : KeysetOrder.byNullable("t." + column, "t.id", descending);
    }
}
