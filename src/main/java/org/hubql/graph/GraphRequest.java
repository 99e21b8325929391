package org.hubql.graph;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One GraphQL request as the HTTP layer received it. */
public record GraphRequest(
        String query,
        @Nullable String operationName,
        @Nullable Map<String, Object> variables) {}
