package org.hubql.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.hubql.graph.GraphRequest;

/** Reads a GraphQL request from a POST body or GET parameters, refusing malformed ones with a 400. */
final class GraphQLHttpRequest {
    private final ObjectMapper mapper;

    GraphQLHttpRequest(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    GraphRequest fromBody(byte[] body) {
        if (body.length == 0) {
            throw badRequest("the request body is empty; send a JSON object with a `query`");
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            throw badRequest("the request body is not valid JSON (UTF-8)");
        }
        if (json == null || !json.isObject()) {
            throw badRequest("the request body must be a JSON object with a `query`");
        }
        JsonNode extensions = json.get("extensions");
        if (extensions != null && !extensions.isNull() && !extensions.isObject()) {
            throw badRequest("`extensions` must be a JSON object");
        }
        return new GraphRequest(
                query(json.get("query")),
                optionalText(json.get("operationName"), "operationName"),
                variables(json.get("variables")));
    }

    GraphRequest fromParameters(String query, String operationName, String variables) {
        if (query == null) {
            throw badRequest("a GET request needs a `query` parameter");
        }
        JsonNode variablesJson = null;
        if (variables != null && !variables.isEmpty()) {
            try {
                variablesJson = mapper.readTree(variables);
            } catch (JsonProcessingException e) {
                throw badRequest("the `variables` parameter is not valid JSON");
            }
        }
        return new GraphRequest(
                query,
                operationName == null || operationName.isEmpty() ? null : operationName,
                variables(variablesJson));
    }

    private static String query(JsonNode query) {
        if (query == null || query.isNull()) {
            throw badRequest("the request has no `query`");
        }
        if (!query.isTextual()) {
            throw badRequest("`query` must be a string");
        }
        return query.asText();
    }

    private static String optionalText(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw badRequest("`" + name + "` must be a string");
        }
        return value.asText();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> variables(JsonNode value) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw badRequest("`variables` must be a JSON object");
        }
        return mapper.convertValue(value, Map.class);
    }

    private static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "BAD_REQUEST", message);
    }
}
