package org.hubql.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubql.db.SqlTrace;
import org.hubql.graph.ErrorCodes;
import org.hubql.graph.GraphRequest;
import org.hubql.graph.HubGraph;
import org.hubql.graph.Overloaded;

/**
 * {@code GET} and {@code POST /graphql}, as the GraphQL-over-HTTP spec describes: JSON in, JSON out, with
 * {@code application/graphql-response+json} status codes when the client asks for that media type.
 */
final class GraphQLHandler {
    private final HubGraph graph;
    private final ResponseJson json;
    private final GraphQLHttpRequest requests;
    private final boolean trace;

    GraphQLHandler(HubGraph graph, ObjectMapper mapper, boolean trace) {
        this.graph = graph;
        this.json = new ResponseJson(mapper);
        this.requests = new GraphQLHttpRequest(mapper);
        this.trace = trace;
    }

    void post(Context ctx) {
        String responseType = responseType(ctx);
        if (!MediaTypes.isJsonBody(ctx.contentType())) {
            throw new HttpProblem(415, ErrorCodes.BAD_REQUEST, "send the request as Content-Type: application/json");
        }
        execute(ctx, requests.fromBody(ctx.bodyAsBytes()), responseType);
    }

    void get(Context ctx) {
        String responseType = responseType(ctx);
        GraphRequest request = requests.fromParameters(
                ctx.queryParam("query"), ctx.queryParam("operationName"), ctx.queryParam("variables"));
        if (!OperationKind.isQueryOrUnknown(request.query(), request.operationName())) {
            ctx.header("Allow", "POST");
            throw new HttpProblem(405, ErrorCodes.BAD_REQUEST, "mutations and subscriptions are not allowed over GET");
        }
        execute(ctx, request, responseType);
    }

    private static String responseType(Context ctx) {
        String responseType = MediaTypes.negotiate(ctx.header("Accept"));
        if (responseType == null) {
            throw new HttpProblem(
                    406, ErrorCodes.BAD_REQUEST, "accept application/graphql-response+json or application/json");
        }
        return responseType;
    }

    private void execute(Context ctx, GraphRequest request, String responseType) {
        SqlTrace sqlTrace = new SqlTrace(trace);
        ExecutionResult result = executeOrRefuse(ctx, request, sqlTrace);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            body.put(
                    "errors",
                    result.getErrors().stream().map(GraphQLHandler::withCode).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            result.getExtensions().forEach((key, value) -> extensions.put(String.valueOf(key), value));
        }
        if (trace) {
            extensions.put(
                    "sql",
                    Map.of(
                            "statements",
                            sqlTrace.count(),
                            "queries",
                            sqlTrace.statements(),
                            "upkeep",
                            sqlTrace.upkeep()));
        }
        if (!extensions.isEmpty()) {
            body.put("extensions", extensions);
        }
        boolean requestError = !result.isDataPresent();
        ctx.status(requestError && responseType.equals(MediaTypes.GRAPHQL_RESPONSE) ? 400 : 200);
        write(ctx, responseType, body);
    }

    /** A full lane of expensive queries is the server's condition, not the client's fault: 503 and when to retry. */
    private ExecutionResult executeOrRefuse(Context ctx, GraphRequest request, SqlTrace sqlTrace) {
        try {
            return graph.execute(request, sqlTrace, Authentication.viewer(ctx));
        } catch (Overloaded busy) {
            ctx.header("Retry-After", String.valueOf(Overloaded.RETRY_AFTER_SECONDS));
            throw new HttpProblem(503, ErrorCodes.OVERLOADED, busy.getMessage());
        }
    }

    /** Every error carries an {@code extensions.code}, including graphql-java's own parse and validation errors. */
    private static Map<String, Object> withCode(GraphQLError error) {
        Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions =
                new LinkedHashMap<>((Map<String, Object>) spec.getOrDefault("extensions", Map.of()));
        if (!extensions.containsKey("code")) {
            extensions.put("code", codeFor(String.valueOf(extensions.get("classification"))));
        }
        spec.put("extensions", extensions);
        return spec;
    }

    private static String codeFor(String classification) {
        return switch (classification) {
            case "InvalidSyntax" -> ErrorCodes.GRAPHQL_PARSE_FAILED;
            case "ValidationError" -> ErrorCodes.GRAPHQL_VALIDATION_FAILED;
            case "OperationNotSupported" -> ErrorCodes.BAD_REQUEST;
            case "IntrospectionDisabled" -> ErrorCodes.INTROSPECTION_DISABLED;
            case "NullValueInNonNullableField", "DataFetchingException" -> ErrorCodes.INTERNAL_ERROR;
            default -> ErrorCodes.BAD_USER_INPUT;
        };
    }

    /**
     * Writes the whole answer (compressed, if the client accepts it) before the handler returns: a stop waits for
     * requests in flight to return, so that no client of a stopping hubql gets part of a body.
     */
    private void write(Context ctx, String responseType, Object body) {
        byte[] bytes = json.write(body);
        ctx.contentType(responseType + "; charset=utf-8");
        try (OutputStream out = ctx.outputStream()) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> errorBody(String message, String code) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }
}
