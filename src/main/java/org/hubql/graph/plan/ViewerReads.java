package org.hubql.graph.plan;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * What one request's viewer may read, as the breadth-first and graphql-java strategies check it. A plan runs only
 * through these checks: a refusal makes it hand the operation back, so the refusal's error is written by the
 * strategy it wraps.
 */
public interface ViewerReads {

    /** Whether the viewer reads {@code field} on every object of {@code parent} without any check: nothing to check. */
    boolean readsEverywhere(GraphQLObjectType parent, GraphQLFieldDefinition field);

    /** Whether the viewer may read {@code field} on {@code source}; at the root, the source is the query. */
    boolean allows(GraphQLObjectType parent, GraphQLFieldDefinition field, Object source, boolean atRoot);

    /** A root field's value without the objects the viewer may not see, exactly as the other strategies leave them out. */
    @Nullable
    Object visibleOnly(GraphQLSchema schema, @Nullable Object value, boolean keepPositions);
}
