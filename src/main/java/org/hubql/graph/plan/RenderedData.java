package org.hubql.graph.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of an answer a plan wrote, as JSON text. {@code http/ResponseJson} writes the text as it is; to
 * anyone else ({@code ExecutionResult.getData()}, {@code toSpecification()}) it is the map of maps graphql-java's
 * strategies return, read from the text the first time it is asked for.
 */
public final class RenderedData extends AbstractMap<String, Object> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final String json;
    private volatile @Nullable Map<String, Object> map;

    RenderedData(String json) {
        this.json = json;
    }

    /** The data object as JSON text. */
    public String json() {
        return json;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> read = map;
        if (read == null) {
            try {
                read = MAPPER.readValue(json, MAP);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            map = read;
        }
        return read.entrySet();
    }
}
