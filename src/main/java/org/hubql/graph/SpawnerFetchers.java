package org.hubql.graph;

import graphql.schema.DataFetcher;
import org.hubql.loaders.Loaders;
import org.hubql.model.Server;
import org.hubql.model.Spawner;

/** The fields of {@code Spawner} that follow a relation. */
final class SpawnerFetchers {
    private SpawnerFetchers() {
        // non-constructable
    }

    static DataFetcher<?> user() {
        return env -> Fetch.loadOrNull(
                env, Loaders.USER_BY_ID, env.<Spawner>getSource().userId());
    }

    static DataFetcher<?> server() {
        return env -> {
            Spawner spawner = env.getSource();
            return Fetch.loadOrNull(env, Loaders.SERVER_BY_ID, spawner.serverId())
                    .thenApply(server -> ServerFetchers.ownedBy(server, spawner));
        };
    }

    static DataFetcher<?> state() {
        return env -> RequestContext.loader(env, Loaders.SPAWNER_STATE_BY_ID)
                .load(env.<Spawner>getSource().id());
    }

    /** Running means a server row exists, not merely that {@code server_id} is set. */
    static DataFetcher<?> active() {
        return env -> Fetch.loadOrNull(
                        env, Loaders.SERVER_BY_ID, env.<Spawner>getSource().serverId())
                .thenApply((Server server) -> server != null);
    }
}
