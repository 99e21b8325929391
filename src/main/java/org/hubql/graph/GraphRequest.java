package org.hubql.graph;

import java.util.Map;

/** One GraphQL request as the HTTP layer received it. */
public record GraphRequest(String query, String operationName, Map<String, Object> variables) {
}
