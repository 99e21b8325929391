package org.hubql.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a GraphQL request from a POST body or GET parameters, refusing malformed ones with a 400. The document is
 * its {@code query}, or a persisted one named by {@code documentId} or Apollo's
 * {@code extensions.persistedQuery.sha256Hash}.
 */
final class GraphQLHttpRequest {
    private final ObjectMapper mapper;

    GraphQLHttpRequest(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ReceivedRequest fromBody(byte[] body) {
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
        return received(
                optionalText(json.get("query"), "query"),
                reference(optionalText(json.get("documentId"), "documentId"), extensions),
                optionalText(json.get("operationName"), "operationName"),
                variables(json.get("variables")),
                "the request has no `query`");
    }

    ReceivedRequest fromParameters(
            @Nullable String query,
            @Nullable String operationName,
            @Nullable String variables,
            @Nullable String extensions,
            @Nullable String documentId) {
        JsonNode extensionsJson = parameter(extensions, "extensions");
        if (extensionsJson != null && !extensionsJson.isObject()) {
            throw badRequest("the `extensions` parameter must be a JSON object");
        }
        return received(
                query,
                reference(documentId == null || documentId.isEmpty() ? null : documentId, extensionsJson),
                operationName == null || operationName.isEmpty() ? null : operationName,
                variables(parameter(variables, "variables")),
                "a GET request needs a `query` parameter");
    }

    private static ReceivedRequest received(
            @Nullable String query,
            Optional<DocumentReference> reference,
            @Nullable String operationName,
            Map<String, Object> variables,
            String noQuery) {
        if (query == null && reference.isEmpty()) {
            throw badRequest(noQuery);
        }
        if (query != null && reference.orElse(null) instanceof DocumentReference.DocumentId) {
            throw badRequest("send either `query` or `documentId`, not both");
        }
        return new ReceivedRequest(Optional.ofNullable(query), reference, operationName, variables);
    }

    private static Optional<DocumentReference> reference(@Nullable String documentId, @Nullable JsonNode extensions) {
        JsonNode persistedQuery = extensions == null ? null : extensions.get("persistedQuery");
        if (persistedQuery == null || persistedQuery.isNull()) {
            return Optional.ofNullable(documentId).map(DocumentReference::documentId);
        }
        if (documentId != null) {
            throw badRequest("send either `documentId` or `extensions.persistedQuery`, not both");
        }
        if (!persistedQuery.isObject() || persistedQuery.path("version").asInt(0) != 1) {
            throw badRequest(
                    "`extensions.persistedQuery` must be {\"version\": 1, \"sha256Hash\": \"<64 hex digits>\"}");
        }
        JsonNode hash = persistedQuery.get("sha256Hash");
        if (hash == null || !hash.isTextual() || !hash.asText().matches("[0-9a-fA-F]{64}")) {
            throw badRequest("`extensions.persistedQuery.sha256Hash` must be a SHA-256 in 64 hex digits");
        }
        return Optional.of(DocumentReference.persistedQuery(hash.asText()));
    }

    private @Nullable JsonNode parameter(@Nullable String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw badRequest("the `" + name + "` parameter is not valid JSON");
        }
    }

    private static @Nullable String optionalText(@Nullable JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw badRequest("`" + name + "` must be a string");
        }
        return value.asText();
    }

    private static Map<String, Object> variables(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw badRequest("`variables` must be a JSON object");
        }
        return object(value);
    }

    /**
     * The tree as the plain maps, lists and values graphql-java takes, as {@link ObjectMapper#convertValue} makes
     * them, without its serializing the tree to tokens and reading them back.
     */
    private static @Nullable Object plain(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> object(value);
            case ARRAY -> {
                List<@Nullable Object> list = new ArrayList<>(value.size());
                value.forEach(element -> list.add(plain(element)));
                yield list;
            }
            case STRING -> value.textValue();
            case BOOLEAN -> value.booleanValue();
            case NUMBER -> value.numberValue();
            case NULL, MISSING -> null;
            case BINARY, POJO -> throw badRequest("`variables` must hold JSON values only");
        };
    }

    private static Map<String, Object> object(JsonNode value) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            map.put(field.getKey(), plain(field.getValue()));
        }
        return map;
    }

    private static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "BAD_REQUEST", message);
    }
}
