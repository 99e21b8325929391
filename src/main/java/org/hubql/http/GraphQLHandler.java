package org.hubql.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.hubql.db.SqlTrace;
import org.hubql.graph.ErrorCodes;
import org.hubql.graph.GraphRequest;
import org.hubql.graph.HubGraph;
import org.hubql.graph.Overloaded;
import org.hubql.graph.ResponseBody;

/**
 * {@code GET} and {@code POST /graphql}, as the GraphQL-over-HTTP spec describes: JSON in, JSON out, with
 * {@code application/graphql-response+json} status codes when the client asks for that media type.
 */
final class GraphQLHandler {
    private final HubGraph graph;
    private final ResponseJson json;
    private final GraphQLHttpRequest requests;
    private final DocumentResolver documents;
    private final boolean trace;

    GraphQLHandler(HubGraph graph, ObjectMapper mapper, boolean trace, DocumentPolicy documents) {
        this.graph = graph;
        this.json = new ResponseJson(mapper);
        this.requests = new GraphQLHttpRequest(mapper);
        this.documents = DocumentResolver.of(documents);
        this.trace = trace;
    }

    void post(Context ctx) {
        String responseType = responseType(ctx);
        if (!MediaTypes.isJsonBody(ctx.contentType())) {
            throw new HttpProblem(415, ErrorCodes.BAD_REQUEST, "send the request as Content-Type: application/json");
        }
        execute(ctx, document(ctx, requests.fromBody(ctx.bodyAsBytes()), responseType), responseType);
    }

    void get(Context ctx) {
        String responseType = responseType(ctx);
        GraphRequest request = document(
                ctx,
                requests.fromParameters(
                        ctx.queryParam("query"),
                        ctx.queryParam("operationName"),
                        ctx.queryParam("variables"),
                        ctx.queryParam("extensions"),
                        ctx.queryParam("documentId")),
                responseType);
        if (!OperationKind.isQueryOrUnknown(request.query(), request.operationName())) {
            ctx.header("Allow", "POST");
            throw new HttpProblem(405, ErrorCodes.BAD_REQUEST, "mutations and subscriptions are not allowed over GET");
        }
        execute(ctx, request, responseType);
    }

    /**
     * The request with its document's text. A persisted document that is not known is answered as Apollo's clients
     * expect, so that they send the text: {@code PersistedQueryNotFound}, with status 200 for
     * {@code application/json} (Apollo's convention) and 404 for {@code application/graphql-response+json}, whose
     * answers without {@code data} must not be 200.
     */
    private GraphRequest document(Context ctx, ReceivedRequest received, String responseType) {
        return documents
                .resolve(received, Authentication.viewer(ctx))
                .orElseThrow(() -> new HttpProblem(
                        responseType.equals(MediaTypes.GRAPHQL_RESPONSE) ? 404 : 200,
                        ErrorCodes.PERSISTED_QUERY_NOT_FOUND,
                        "PersistedQueryNotFound"));
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
        Answer answer = executeOrRefuse(ctx, request, sqlTrace);
        ExecutionResult result = answer.result();
        ExecutedOperation.ran(request, result, sqlTrace, graph).attachTo(ctx);
        boolean requestError = !result.isDataPresent();
        ctx.status(requestError && responseType.equals(MediaTypes.GRAPHQL_RESPONSE) ? 400 : 200);
        byte[] bytes = answer.json();
        if (!result.getErrors().isEmpty()) {
            HttpCaching.noStore(ctx);
        } else if (ctx.method() == HandlerType.GET
                && HttpCaching.notModified(ctx, Authentication.viewer(ctx), responseType, bytes)) {
            return;
        }
        write(ctx, responseType, bytes);
    }

    /** A full lane of expensive queries is the server's condition, not the client's fault: 503 and when to retry. */
    private Answer executeOrRefuse(Context ctx, GraphRequest request, SqlTrace sqlTrace) {
        try {
            return graph.execute(
                    request,
                    sqlTrace,
                    Authentication.viewer(ctx),
                    result -> new Answer(
                            result,
                            json.write(
                                    ResponseBody.of(result, trace ? Map.of("sql", sqlSummary(sqlTrace)) : Map.of()))));
        } catch (Overloaded busy) {
            ctx.header("Retry-After", String.valueOf(Overloaded.RETRY_AFTER_SECONDS));
            throw new HttpProblem(503, ErrorCodes.OVERLOADED, busy.getMessage());
        }
    }

    /** An operation's result and its response body, written while the operation still held its lane's slot. */
    private record Answer(ExecutionResult result, byte[] json) {}

    private static Map<String, Object> sqlSummary(SqlTrace sqlTrace) {
        return Map.of("statements", sqlTrace.count(), "queries", sqlTrace.statements(), "upkeep", sqlTrace.upkeep());
    }

    /** The error's own {@code extensions.code}, else the one its graphql-java classification maps to. */
    static String codeOf(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.get("code") instanceof String code) {
            return code;
        }
        ErrorClassification type = error.getErrorType();
        return ErrorCodes.forClassification(type == null ? "" : String.valueOf(type.toSpecification(error)));
    }

    /**
     * Writes the whole answer (compressed, if the client accepts it) before the handler returns: a stop waits for
     * requests in flight to return, so that no client of a stopping hubql gets part of a body.
     */
    private static void write(Context ctx, String responseType, byte[] bytes) {
        ctx.contentType(MediaTypes.answerType(responseType));
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
