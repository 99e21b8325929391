package org.hubql.graph;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON object of a GraphQL answer, laid out as the spec lays it out: {@code errors} (each with an
 * {@code extensions.code}), {@code data}, {@code extensions}. The HTTP answer and {@code hubql query} print it alike.
 */
public final class ResponseBody {
    private ResponseBody() {
        // non-constructable
    }

    /** The answer to {@code result}, with {@code moreExtensions} (e.g. the SQL trace) added to its extensions. */
    public static Map<String, Object> of(ExecutionResult result, Map<String, Object> moreExtensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            body.put(
                    "errors",
                    result.getErrors().stream().map(ResponseBody::withCode).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            result.getExtensions().forEach((key, value) -> extensions.put(String.valueOf(key), value));
        }
        extensions.putAll(moreExtensions);
        if (!extensions.isEmpty()) {
            body.put("extensions", extensions);
        }
        return body;
    }

    /** Every error carries an {@code extensions.code}, including graphql-java's own parse and validation errors. */
    private static Map<String, Object> withCode(GraphQLError error) {
        Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions =
                new LinkedHashMap<>((Map<String, Object>) spec.getOrDefault("extensions", Map.of()));
        if (!extensions.containsKey("code")) {
            extensions.put("code", ErrorCodes.forClassification(String.valueOf(extensions.get("classification"))));
        }
        spec.put("extensions", extensions);
        return spec;
    }
}
