package org.hubql.http;

import java.util.Map;
import java.util.Optional;
import org.hubql.graph.GraphRequest;
import org.jspecify.annotations.Nullable;

/**
 * A GraphQL request as it arrived, before its document is known: the text, a reference to a persisted document, or
 * both (Apollo registers a document by sending its hash with its text).
 */
record ReceivedRequest(
        Optional<String> query,
        Optional<DocumentReference> reference,
        @Nullable String operationName,
        Map<String, Object> variables) {

    /** The request to execute, once its document text is known. */
    GraphRequest with(String document) {
        return new GraphRequest(document, operationName, variables);
    }
}
