package org.hubql.graph;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies the schema's scope declarations on graphql-java's own execution strategy: a field the viewer may not
 * read answers null (an empty list or page for lists) with a {@code FORBIDDEN} error naming the scopes that would
 * allow it; a root field leaves out the objects the viewer may not see. {@link BreadthFirstStrategy} applies the
 * same {@link Access} checks on its own road.
 */
final class Authorization extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        Access access = RequestContext.of(parameters.getExecutionContext()).access();
        if (!access.restricted()) {
            return fetcher; // without building the field's environment, which trivial fetchers never need
        }
        DataFetchingEnvironment environment = parameters.getEnvironment();
        GraphQLObjectType parent = (GraphQLObjectType) environment.getParentType();
        GraphQLFieldDefinition field = environment.getFieldDefinition();
        if (field.getName().startsWith("__") || parent.getName().startsWith("__")) {
            return fetcher; // introspection, which has its own switch
        }
        Rule rule = access.rules().field(field);
        boolean atRoot = access.rules().isQuery(parent);
        if (rule instanceof Rule.Public && !atRoot) {
            return fetcher; // allowed to all, and only root fields filter what they return
        }
        return env -> {
            if (!access.allows(rule, env.getSource(), atRoot)) {
                return denied(env, rule);
            }
            Object value = fetcher.get(env);
            return atRoot
                    ? access.visibleOnly(
                            env.getGraphQLSchema(), value, field.getName().equals("nodes"))
                    : value;
        };
    }

    private static DataFetcherResult<Object> denied(DataFetchingEnvironment env, Rule rule) {
        return DataFetcherResult.newResult()
                .data(emptyValue(env.getFieldType()))
                .error(forbidden(env, rule))
                .build();
    }

    /** What a refused field holds: an empty list or page where the schema promises one, else null. */
    static @Nullable Object emptyValue(GraphQLType type) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList) {
            return List.of();
        }
        if (unwrapped instanceof GraphQLObjectType object && object.getName().endsWith("Connection")) {
            return Connection.empty();
        }
        return null;
    }

    static GraphQLError forbidden(DataFetchingEnvironment env, Rule rule) {
        String field = ((GraphQLObjectType) env.getParentType()).getName() + "."
                + env.getField().getName();
        List<String> scopes = rule instanceof Rule.Scopes declared ? declared.scopes() : List.of();
        String needs = scopes.isEmpty()
                ? "a scope no token has (it declares none)"
                : (scopes.size() == 1
                                ? "the scope "
                                : rule instanceof Rule.Scopes declared && declared.all()
                                        ? "all of the scopes "
                                        : "one of the scopes ")
                        + String.join(
                                ", ", scopes.stream().map(s -> "`" + s + "`").toList());
        return GraphqlErrorBuilder.newError(env)
                .message("`%s` needs %s for this object; the token does not have it", field, needs)
                .extensions(Map.of("code", ErrorCodes.FORBIDDEN, "requiredScopes", scopes))
                .build();
    }
}
