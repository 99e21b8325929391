package org.hubql.graph.plan;

import com.fasterxml.jackson.core.io.SerializedString;
import graphql.execution.MergedField;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLOutputType;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a {@link Selection}: its key in the answer, the merged field of the document, its definition and
 * fetcher, and the selection on the objects it leads to ({@code null} for a scalar, an enum or {@code __typename}).
 */
record PlannedField(
        SerializedString key,
        MergedField field,
        GraphQLFieldDefinition definition,
        GraphQLOutputType type,
        @Nullable DataFetcher<?> fetcher,
        @Nullable Selection children) {

    /** {@code __typename}: the parent type's name, fetched by nobody. */
    boolean typeName() {
        return fetcher == null;
    }
}
