package org.hubql.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.hubql.model.RawJson;

/** The two custom scalars: {@code DateTime} (UTC instants) and {@code JSON} (hub JSON columns, output only). */
final class Scalars {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant in UTC, as ISO-8601 text with a Z.")
            .coercing(new DateTimeCoercing())
            .build();

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value, as stored by JupyterHub.")
            .coercing(new JsonCoercing())
            .build();

    private Scalars() {
        // non-constructable
    }

    private static final class DateTimeCoercing implements Coercing<Instant, String> {
        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return IsoInstant.format(instant);
            }
            throw new CoercingSerializeException("DateTime expects an Instant");
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("DateTime must be an ISO-8601 string, e.g. 2026-11-26T19:54:14Z");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string, e.g. 2026-11-26T19:54:14Z");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }

        private static <E extends RuntimeException> Instant parse(
                String text, java.util.function.Function<String, E> error) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw error.apply(
                        "DateTime must be ISO-8601 with an offset, e.g. 2026-11-26T19:54:14Z; got a value that is not");
            }
        }
    }

    private static final class JsonCoercing implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            if (!(value instanceof RawJson json)) {
                throw new CoercingSerializeException("JSON expects stored JSON text");
            }
            try {
                return MAPPER.readValue(json.text(), Object.class);
            } catch (JsonProcessingException e) {
                return json.text();
            }
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            throw new CoercingParseValueException("JSON is an output type only");
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            throw new CoercingParseLiteralException("JSON is an output type only");
        }
    }
}
