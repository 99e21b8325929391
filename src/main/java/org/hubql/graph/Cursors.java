package org.hubql.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.hubql.db.UserKeyset;
import org.hubql.db.UserSort;
import org.hubql.model.Group;
import org.hubql.model.User;

/**
 * Opaque pagination cursors: base64url JSON arrays that hold the keyset position of a row, tagged with what the
 * cursor belongs to so that a cursor from one list or order is refused by another.
 */
final class Cursors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Cursors() {
        // non-constructable
    }

    static String user(UserSort sort, User user) {
        ArrayNode array = MAPPER.createArrayNode().add("users:" + sort.name());
        switch (sort) {
            case ID -> array.addNull();
            case NAME -> array.add(user.name());
            case LAST_ACTIVITY ->
                array.add(
                        user.lastActivity() == null ? null : user.lastActivity().toString());
        }
        return encode(array.add(user.id()));
    }

    static UserKeyset userKeyset(String cursor, UserSort sort) {
        JsonNode array = decode(
                cursor,
                "users:" + sort.name(),
                "this cursor belongs to another list or order; use one from the same `orderBy`");
        JsonNode value = array.get(1);
        long id = array.get(2).asLong();
        return switch (sort) {
            case ID -> new UserKeyset(null, id);
            case NAME -> new UserKeyset(value.isTextual() ? value.asText() : null, id);
            case LAST_ACTIVITY -> new UserKeyset(value.isTextual() ? instant(value.asText()) : null, id);
        };
    }

    static String group(Group group) {
        return encode(MAPPER.createArrayNode().add("groups").add(group.name()).add(group.id()));
    }

    static String groupAfter(String cursor) {
        return decode(cursor, "groups", "this cursor does not belong to `groups`")
                .get(1)
                .asText();
    }

    static String member(User user) {
        return encode(MAPPER.createArrayNode().add("members").addNull().add(user.id()));
    }

    static long memberAfter(String cursor) {
        return decode(cursor, "members", "this cursor does not belong to a group's `users`")
                .get(2)
                .asLong();
    }

    private static String encode(ArrayNode array) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String cursor, String expectedTag, String mismatch) {
        JsonNode array;
        try {
            array = MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            throw malformed();
        }
        if (array == null
                || !array.isArray()
                || array.size() != 3
                || !array.get(0).isTextual()
                || !array.get(2).canConvertToLong()) {
            throw malformed();
        }
        if (!array.get(0).asText().equals(expectedTag)) {
            throw new BadInputException(mismatch);
        }
        return array;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed();
        }
    }

    private static BadInputException malformed() {
        return new BadInputException(
                "malformed cursor; pass the `endCursor` or an edge's `cursor` exactly as returned");
    }
}
