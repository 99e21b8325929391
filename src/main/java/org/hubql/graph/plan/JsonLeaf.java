package org.hubql.graph.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The JSON leaves a plan's writer and {@code http/ResponseJson} both write, in one place so that their answers stay
 * byte-identical: text, booleans and the number types graphql-java's scalars serialize to.
 */
public final class JsonLeaf {
    private JsonLeaf() {
        // non-constructable
    }

    /** Writes {@code value} when it is such a leaf; false, having written nothing, for anything else. */
    public static boolean write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else {
            return false;
        }
        return true;
    }
}
