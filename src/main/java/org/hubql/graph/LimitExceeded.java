package org.hubql.graph;

import graphql.execution.AbortExecutionException;
import java.util.Map;

/** A query refused by a {@link QueryLimits} limit: a GraphQL error with its own {@code extensions.code}. */
final class LimitExceeded extends AbortExecutionException {
    private static final long serialVersionUID = 1L;

    private final String code;

    LimitExceeded(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }
}
