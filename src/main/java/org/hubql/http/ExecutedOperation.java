package org.hubql.http;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.hubql.db.SqlTrace;
import org.hubql.graph.GraphRequest;
import org.hubql.graph.HubGraph;

/**
 * A GraphQL request the engine ran, as the access log and the metrics describe it; {@link GraphQLHandler} leaves
 * it on the request's {@link Context}. Never the document's text or its variables: only the name of the operation
 * that ran, which the engine has validated as a GraphQL name.
 */
record ExecutedOperation(String operationName, ExecutionResult result, SqlTrace sql) {
    static final String ANONYMOUS = "(anonymous)";
    static final String NONE = "(none)";
    private static final String KEY = "hubql.executed";

    /** The request as it ran in {@code graph}, which keeps its parsed document. */
    static ExecutedOperation ran(GraphRequest request, ExecutionResult result, SqlTrace sql, HubGraph graph) {
        return new ExecutedOperation(operationName(request, result, graph), result, sql);
    }

    void attachTo(Context ctx) {
        ctx.attribute(KEY, this);
    }

    /** The operation {@code request} ran, if it ran one; Jetty's view of the request Javalin served. */
    static Optional<ExecutedOperation> of(Request request) {
        return request.getAttribute(KEY) instanceof ExecutedOperation executed
                ? Optional.of(executed)
                : Optional.empty();
    }

    /**
     * The operation's name; {@link #ANONYMOUS} for an operation without one, {@link #NONE} when none ran (a
     * document that did not parse or validate, an unknown operation name, a request that timed out waiting).
     */
    private static String operationName(GraphRequest request, ExecutionResult result, HubGraph graph) {
        if (!result.isDataPresent()) {
            return NONE;
        }
        String requested = request.operationName();
        if (requested != null && !requested.isBlank()) {
            return requested; // it named an operation of the document, or no data would be present
        }
        return onlyOperation(request.query(), graph)
                .map(OperationDefinition::getName)
                .orElse(ANONYMOUS);
    }

    /** {@code success}, {@code partial} (data and errors) or {@code error} (errors and no data). */
    String outcome() {
        if (result.getErrors().isEmpty()) {
            return "success";
        }
        return result.isDataPresent() ? "partial" : "error";
    }

    List<String> errorCodes() {
        return result.getErrors().stream().map(GraphQLHandler::codeOf).toList();
    }

    /**
     * A document without an operation name in the request has one operation, else it would not have run. The
     * shorthand {@code { … }} has no name, and needs no parsing to tell; any other document is read as the engine
     * parsed it, and parsed again only when that was forgotten already.
     */
    private static Optional<OperationDefinition> onlyOperation(String query, HubGraph graph) {
        if (query.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            Document document = graph.parsedDocument(query).orElseGet(() -> Parser.parse(query));
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .findFirst()
                    .filter(operation -> operation.getName() != null);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }
}
