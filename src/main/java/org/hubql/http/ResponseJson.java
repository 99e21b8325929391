package org.hubql.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.hubql.graph.plan.JsonLeaf;
import org.hubql.graph.plan.RenderedData;

/**
 * Writes a response body as JSON. A GraphQL result is a tree of maps, lists, strings, numbers and booleans; it is
 * walked here with Jackson's streaming generator, without the serializer lookup {@link ObjectMapper} makes for
 * every value, which a response of tens of thousands of fields pays for visibly. Any other value (an error's
 * extensions, a trace record) is handed to the mapper. The {@code data} a compiled plan wrote is UTF-8 JSON already
 * ({@link RenderedData}) and is copied as it is.
 */
public final class ResponseJson {
    private final ObjectMapper mapper;

    public ResponseJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(Object body) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder();
                JsonGenerator json = mapper.createGenerator(bytes)) {
            writeValue(json, body);
            json.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof RenderedData rendered) {
            json.writeRawValue(rendered.rawValue());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else if (JsonLeaf.write(json, value)) {
            return;
        } else {
            mapper.writeValue(json, value);
        }
    }
}
