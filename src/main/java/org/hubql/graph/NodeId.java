package org.hubql.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * A global id: the GraphQL type name and the row id, as base64url text ({@code VXNlcjoxMg} for {@code User:12}).
 * Clients must treat ids as opaque.
 */
record NodeId(String type, long databaseId) {
    static final Set<String> TYPES = Set.of(
            "User",
            "Spawner",
            "Server",
            "Service",
            "Group",
            "ApiToken",
            "OAuthClient",
            "OAuthAccessToken",
            "OAuthCode",
            "Role",
            "Share",
            "ShareCode");

    String encode() {
        byte[] raw = (type + ":" + databaseId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String encode(String type, long databaseId) {
        return new NodeId(type, databaseId).encode();
    }

    /** @throws BadInputException when the text is not an id this gateway issued */
    static NodeId decode(String text) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int colon = raw.indexOf(':');
        if (colon < 0 || !TYPES.contains(raw.substring(0, colon))) {
            throw invalid();
        }
        try {
            return new NodeId(raw.substring(0, colon), Long.parseLong(raw.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static BadInputException invalid() {
        return new BadInputException("not a valid node id; ids come from the `id` field of an object");
    }
}
