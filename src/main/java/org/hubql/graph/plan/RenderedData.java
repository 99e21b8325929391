package org.hubql.graph.plan;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of an answer a plan wrote, as UTF-8 JSON. {@code http/ResponseJson} copies the bytes as they are; to
 * anyone else ({@code ExecutionResult.getData()}, {@code toSpecification()}) it is the map of maps graphql-java's
 * strategies return, read from the bytes the first time it is asked for.
 */
public final class RenderedData extends AbstractMap<String, Object> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final byte[] utf8;
    private volatile @Nullable Map<String, Object> map;

    RenderedData(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The data object as JSON, for {@code JsonGenerator.writeRawValue}, which copies its UTF-8 bytes as they are. */
    public SerializableString rawValue() {
        return new RawJsonValue(utf8);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> read = map;
        if (read == null) {
            try {
                read = MAPPER.readValue(utf8, MAP);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            map = read;
        }
        return read.entrySet();
    }
}
