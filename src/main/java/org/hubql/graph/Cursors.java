package org.hubql.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.hubql.db.KeysetPosition;

/**
 * Opaque pagination cursors: base64url JSON arrays {@code [tag, sort value, id]} that hold the keyset position of a
 * row, tagged with what the cursor belongs to so that a cursor from one list or order is refused by another. A
 * datetime sort value is ISO-8601 text, so a row's cursor is the same text on every engine.
 */
final class Cursors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a cursor's sort value is: none (ordered by id alone), text, or an instant. */
    enum SortValue {
        NONE,
        TEXT,
        INSTANT
    }

    private Cursors() {
        // non-constructable
    }

    static String encode(String tag, KeysetPosition position) {
        ArrayNode array = MAPPER.createArrayNode().add(tag);
        Object value = position.sortValue();
        if (value == null) {
            array.addNull();
        } else {
            array.add(value.toString());
        }
        return encode(array.add(position.id()));
    }

    static KeysetPosition decode(String cursor, String tag, SortValue kind) {
        JsonNode array = decode(cursor, tag);
        JsonNode value = array.get(1);
        long id = array.get(2).asLong();
        if (!value.isTextual()) {
            return new KeysetPosition(null, id);
        }
        return switch (kind) {
            case NONE -> new KeysetPosition(null, id);
            case TEXT -> new KeysetPosition(value.asText(), id);
            case INSTANT -> new KeysetPosition(instant(value.asText()), id);
        };
    }

    private static String encode(ArrayNode array) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String cursor, String expectedTag) {
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
            throw new BadInputException("this cursor belongs to another list or order; use one from the same list"
                    + " and the same `orderBy`");
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
        return new BadInputException("malformed cursor; pass a `startCursor`, an `endCursor` or an edge's `cursor`"
                + " exactly as returned");
    }
}
