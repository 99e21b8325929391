package org.hubql.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * A key of a JupyterHub REST model, the hubql field that answers it, and how each side's value reads for
 * comparison. The tables below are the keys hubql covers; the others (kind, pending, auth_state, properties, …)
 * have no field.
 */
record ModelKey(
        String key, String field, Function<JsonNode, Object> fromJupyterHub, Function<JsonNode, Object> fromHubql) {

    static final List<ModelKey> USER = List.of(
            same("name", "name", ModelKey::text),
            same("admin", "admin", ModelKey::flag),
            same("created", "created", ModelKey::instant),
            same("last_activity", "lastActivity", ModelKey::instant),
            new ModelKey("groups", "groups", ModelKey::sortedTexts, ModelKey::sortedNames),
            new ModelKey("roles", "roles", ModelKey::sortedTexts, ModelKey::sortedNames),
            // JupyterHub's `server` is the default server's URL path while it runs
            new ModelKey("server", "server", ModelKey::text, server -> text(server.path("baseUrl"))),
            // JupyterHub's `servers` holds the active servers only, keyed by name
            new ModelKey("servers", "spawners", ModelKey::sortedKeys, ModelKey::activeSpawnerNames));

    static final List<ModelKey> GROUP = List.of(
            same("name", "name", ModelKey::text),
            new ModelKey("users", "users", ModelKey::sortedTexts, users -> sortedNames(users.path("nodes"))),
            new ModelKey("roles", "roles", ModelKey::sortedTexts, ModelKey::sortedNames));

    static final List<ModelKey> SERVICE = List.of(
            same("name", "name", ModelKey::text),
            same("admin", "admin", ModelKey::flag),
            // presence only: JupyterHub 3.0 keeps a service's URL in its config, not in the database
            same("url", "url", value -> "not compared"),
            new ModelKey("roles", "roles", ModelKey::sortedTexts, ModelKey::sortedNames));

    private static ModelKey same(String key, String field, Function<JsonNode, Object> read) {
        return new ModelKey(key, field, read, read);
    }

    /**
     * Compares JupyterHub's model of one object with hubql's object at {@code path}: each key is present on both
     * sides or on neither, and a key present on both has the same value.
     */
    static void compare(
            Differences differences,
            String where,
            JsonNode model,
            HubqlAnswer hubql,
            List<Object> path,
            List<ModelKey> keys) {
        JsonNode object = hubql.at(path);
        for (ModelKey key : keys) {
            boolean inJupyterHub = model.has(key.key());
            boolean inHubql = !hubql.forbidden(HubqlAnswer.append(path, key.field()));
            differences.check(
                    inJupyterHub == inHubql,
                    where + "." + key.key(),
                    inJupyterHub
                            ? "JupyterHub shows it, hubql hides `" + key.field() + "` (FORBIDDEN)"
                            : "JupyterHub omits it, hubql shows `" + key.field() + "` = " + object.path(key.field()));
            if (inJupyterHub && inHubql) {
                Object expected = key.fromJupyterHub().apply(model.get(key.key()));
                Object actual = key.fromHubql().apply(object.path(key.field()));
                differences.check(
                        Objects.equals(expected, actual),
                        where + "." + key.key(),
                        "JupyterHub " + expected + ", hubql " + actual);
            }
        }
    }

    private static Object text(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }

    private static Object flag(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : null;
    }

    /** JupyterHub 3.0 renders naive UTC with a {@code Z}, older hubs without one; hubql always with one. */
    static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText();
        return text.endsWith("Z")
                ? Instant.parse(text)
                : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    private static Object sortedTexts(JsonNode list) {
        return sorted(list, JsonNode::asText);
    }

    private static Object sortedNames(JsonNode list) {
        return sorted(list, item -> item.path("name").asText());
    }

    private static Object sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys.stream().sorted().toList();
    }

    private static Object activeSpawnerNames(JsonNode spawners) {
        return sorted(
                spawners,
                spawner -> spawner.path("active").asBoolean()
                        ? spawner.path("name").asText()
                        : null);
    }

    /** The non-null values {@code read} takes from each item, sorted; null when {@code list} is not a list. */
    private static List<String> sorted(JsonNode list, Function<JsonNode, String> read) {
        if (!list.isArray()) {
            return null;
        }
        return StreamSupport.stream(list.spliterator(), false)
                .map(read)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }
}
