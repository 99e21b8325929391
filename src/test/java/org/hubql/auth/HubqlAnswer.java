package org.hubql.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A hubql response read with the presence rule of the authorization: a field is absent when an error whose
 * {@code path} is exactly that field's path says {@code FORBIDDEN}; otherwise it is present, even when null.
 */
final class HubqlAnswer {
    private final JsonNode response;

    HubqlAnswer(JsonNode response) {
        this.response = response;
    }

    /** The value at a path under {@code data}, e.g. {@code ["users", "nodes", 0, "name"]}; missing when there is none. */
    JsonNode at(List<Object> path) {
        JsonNode node = response.path("data");
        for (Object step : path) {
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
        }
        return node;
    }

    boolean forbidden(List<Object> path) {
        for (JsonNode error : response.path("errors")) {
            if ("FORBIDDEN".equals(error.path("extensions").path("code").asText()) && path.equals(pathOf(error))) {
                return true;
            }
        }
        return false;
    }

    /** Errors other than FORBIDDEN: the query itself failed (too complex, bad input, …), so nothing compares. */
    List<JsonNode> otherErrors() {
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode error : response.path("errors")) {
            if (!"FORBIDDEN".equals(error.path("extensions").path("code").asText())) {
                others.add(error);
            }
        }
        return others;
    }

    private static List<Object> pathOf(JsonNode error) {
        List<Object> path = new ArrayList<>();
        for (JsonNode step : error.path("path")) {
            path.add(step.isInt() ? (Object) step.asInt() : step.asText());
        }
        return path;
    }

    /** {@code path} followed by {@code more}. */
    static List<Object> append(List<Object> path, Object... more) {
        List<Object> longer = new ArrayList<>(path);
        longer.addAll(List.of(more));
        return longer;
    }
}
