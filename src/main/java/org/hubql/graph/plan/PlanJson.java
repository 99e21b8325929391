package org.hubql.graph.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a run's values as the {@code data} of a GraphQL answer, walking the plan's selections: an object is the
 * array of its fields' values in answer order, a list an array of its elements, a scalar the value its type
 * serialized. The output is what {@code http/ResponseJson} writes for the same answer as maps, byte for byte; a
 * scalar value of any other kind than it writes itself makes the plan hand the operation back.
 */
final class PlanJson {
    private static final JsonFactory JSON = new JsonFactory();

    private PlanJson() {
        // non-constructable
    }

    /** The data object as UTF-8 JSON. */
    static byte[] render(Selection root, Object[] data) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder();
                JsonGenerator json = JSON.createGenerator(bytes)) {
            writeObject(json, root, data);
            json.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeObject(JsonGenerator json, Selection selection, Object[] values) throws IOException {
        json.writeStartObject();
        List<PlannedField> fields = selection.fields();
        for (int i = 0; i < values.length; i++) {
            PlannedField field = fields.get(i);
            json.writeFieldName(field.key());
            writeValue(json, field.type(), field.children(), values[i]);
        }
        json.writeEndObject();
    }

    private static void writeValue(
            JsonGenerator json, GraphQLType type, @Nullable Selection children, @Nullable Object value)
            throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list) {
            json.writeStartArray();
            for (Object element : (Object[]) value) {
                writeValue(json, list.getWrappedType(), children, element);
            }
            json.writeEndArray();
        } else if (unwrapped instanceof GraphQLObjectType && children != null) {
            writeObject(json, children, (Object[]) value);
        } else {
            writeScalar(json, value);
        }
    }

    /** A serialized scalar or enum value, written as {@code http/ResponseJson} writes it. */
    private static void writeScalar(JsonGenerator json, @Nullable Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (JsonLeaf.write(json, value)) {
            return;
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeScalar(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeScalar(json, element);
            }
            json.writeEndArray();
        } else {
            throw new OffPlan(); // ResponseJson hands such values to ObjectMapper
        }
    }
}
