package org.hubql.graph;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;

/**
 * The cost of a query: an estimate of how many objects it can return. A field costs one plus its children; a page
 * multiplies by its {@code first} or {@code last} (the default page size when both are absent), {@code nodes(ids)} by the number of ids,
 * and a plain list (a user's spawners, tokens, groups…) by {@value #LIST_ESTIMATE}.
 */
final class QueryCost implements FieldComplexityCalculator {
    static final int LIST_ESTIMATE = 10;
    private final PageSize pageSize;

    QueryCost(PageSize pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        long cost = (long) multiplier(env) * (1L + childComplexity);
        return (int) Math.min(Integer.MAX_VALUE, cost);
    }

    private int multiplier(FieldComplexityEnvironment env) {
        if (env.getFieldDefinition().getArgument("first") != null) {
            Object size = env.getArguments().get("first");
            if (size == null) {
                size = env.getArguments().get("last");
            }
            return size instanceof Integer requested ? Math.max(0, requested) : pageSize.defaultSize();
        }
        if (env.getArguments().get("ids") instanceof List<?> ids) {
            return ids.size();
        }
        boolean isList = GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()) instanceof GraphQLList;
        boolean pageContent = env.getParentType().getName().endsWith("Connection");
        boolean introspection = env.getFieldDefinition().getName().startsWith("__")
                || env.getParentType().getName().startsWith("__");
        return isList && !pageContent && !introspection ? LIST_ESTIMATE : 1;
    }
}
