package org.hubql.graph;

import graphql.schema.DataFetcher;
import org.hubql.loaders.Loaders;
import org.hubql.model.Server;
import org.hubql.model.Spawner;
import org.hubql.model.User;

/** The fields of {@code Spawner} that follow a relation. */
final class SpawnerFetchers {
    private SpawnerFetchers() {
        // non-constructable
    }

    static DataFetcher<?> user() {
        return KeyedField.<Spawner, Long, User>of(Loaders.USER_BY_ID, Spawner::userId);
    }

    static DataFetcher<?> server() {
        return KeyedField.<Spawner, Long, Server>mapped(
                Loaders.SERVER_BY_ID, Spawner::serverId, (spawner, server) -> ServerFetchers.ownedBy(server, spawner));
    }

    static DataFetcher<?> state() {
        return env -> RequestContext.loader(env, Loaders.SPAWNER_STATE_BY_ID)
                .load(env.<Spawner>getSource().id());
    }

    /** Running means a server row exists, not merely that {@code server_id} is set. */
    static DataFetcher<?> active() {
        return KeyedField.<Spawner, Long, Server>mapped(
                Loaders.SERVER_BY_ID, Spawner::serverId, (spawner, server) -> server != null);
    }
}
