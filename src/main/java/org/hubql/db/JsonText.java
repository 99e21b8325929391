package org.hubql.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON the SQL layer reads and writes: key lists for {@code json_each}, and JupyterHub's JSON list columns. */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private JsonText() {
        // non-constructable
    }

    static String array(Collection<?> keys) {
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
