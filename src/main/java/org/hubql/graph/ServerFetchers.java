package org.hubql.graph;

import graphql.schema.DataFetcher;
import org.hubql.loaders.Loaders;
import org.hubql.model.Server;
import org.hubql.model.Service;

/** The fields of {@code Server} and {@code Service} that follow a relation. */
final class ServerFetchers {
    private ServerFetchers() {
        // non-constructable
    }

    static DataFetcher<?> spawner() {
        return env -> RequestContext.loader(env, Loaders.SPAWNER_BY_SERVER_ID).load(env.<Server>getSource().id());
    }

    static DataFetcher<?> service() {
        return env -> RequestContext.loader(env, Loaders.SERVICE_BY_SERVER_ID).load(env.<Server>getSource().id());
    }

    static DataFetcher<?> serviceServer() {
        return env -> Fetch.loadOrNull(env, Loaders.SERVER_BY_ID, env.<Service>getSource().serverId());
    }

    static DataFetcher<?> serviceApiTokens() {
        return env -> RequestContext.loader(env, Loaders.API_TOKENS_BY_SERVICE_ID).load(env.<Service>getSource().id());
    }
}
