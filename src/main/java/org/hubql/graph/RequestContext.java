package org.hubql.graph;

import graphql.execution.ExecutionContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.hubql.db.Queries;
import org.hubql.db.Sql;
import org.hubql.loaders.LoaderKey;
import org.hubql.scopes.Viewer;

/** What the fetchers of one request share: the hub's queries, this request's statement runner and its viewer's access. */
record RequestContext(Queries queries, Sql sql, Access access) {

    static RequestContext of(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(RequestContext.class);
    }

    static RequestContext of(ExecutionContext execution) {
        return execution.getGraphQLContext().get(RequestContext.class);
    }

    Viewer viewer() {
        return access.viewer();
    }

    /**
     * The request's loader for {@code key}. It must come from the environment, not from the registry: graphql-java
     * wraps it to learn of each load, which is how it knows when to dispatch.
     */
    static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment env, LoaderKey<K, V> key) {
        return env.getDataLoader(key.name());
    }
}
