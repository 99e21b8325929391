package org.hubql.http;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/** Finds whether a GET request asks for a mutation or subscription, which the spec allows only over POST. */
final class OperationKind {
    private OperationKind() {
        // non-constructable
    }

    static boolean isQueryOrUnknown(String query, String operationName) {
        if (!query.contains("mutation") && !query.contains("subscription")) {
            return true;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return true;
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .findFirst()
                .map(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY)
                .orElse(true);
    }
}
