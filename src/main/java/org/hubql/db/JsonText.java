package org.hubql.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON the SQL layer reads and writes: key lists for {@code json_each}, and JupyterHub's JSON list columns. */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonStringEncoder ESCAPES = JsonStringEncoder.getInstance();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private JsonText() {
        // non-constructable
    }

    /**
     * Keys as a JSON array, as {@link ObjectMapper} writes them; numbers and text (nearly every key) are written
     * here without the mapper's serializer lookup, a visible share of a one-row request's CPU.
     */
    static String array(Collection<?> keys) {
        StringBuilder json = new StringBuilder(keys.size() * 8 + 2).append('[');
        for (Object key : keys) {
            json.append(json.length() == 1 ? "" : ",");
            if (key instanceof Long || key instanceof Integer) {
                json.append(key);
            } else if (key instanceof String text) {
                json.append('"');
                ESCAPES.quoteAsString(text, json);
                json.append('"');
            } else {
                return mapped(keys);
            }
        }
        return json.append(']').toString();
    }

    private static String mapped(Collection<?> keys) {
        try {
            return MAPPER.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("keys cannot be written as JSON", e);
        }
    }

    static String array(long[] ids) {
        StringBuilder json = new StringBuilder(ids.length * 7 + 2).append('[');
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return json.append(']').toString();
    }

    /** A JupyterHub {@code JSONList} column; null reads as an empty list, as JupyterHub reads it. */
    static List<String> stringList(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(MAPPER.readValue(text, STRING_LIST));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
