package org.hubql.graph;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.hubql.loaders.Loaders;
import org.hubql.model.Server;
import org.hubql.model.ServerOwner;
import org.hubql.model.Service;
import org.hubql.model.Spawner;

/**
 * The fields of {@code Server} and {@code Service} that follow a relation. A server comes with its owner, which
 * decides who may read it.
 */
final class ServerFetchers {
    private ServerFetchers() {
        // non-constructable
    }

    /** The server of a spawner, known to be that spawner's. */
    static Server ownedBy(Server server, Spawner spawner) {
        if (server == null || spawner == null || spawner.userId() == null) {
            return server;
        }
        return server.ownedBy(new ServerOwner.OfSpawner(spawner.id(), spawner.userId()));
    }

    /** A server found by id, with its owner looked up: the spawner or the service whose server it is. */
    static CompletableFuture<Server> withOwner(DataFetchingEnvironment env, CompletableFuture<Server> found) {
        return found.thenCompose(server -> server == null
                ? CompletableFuture.completedFuture(null)
                : RequestContext.loader(env, Loaders.SPAWNER_BY_SERVER_ID)
                        .load(server.id())
                        .thenCombine(
                                RequestContext.loader(env, Loaders.SERVICE_BY_SERVER_ID)
                                        .load(server.id()),
                                (spawner, service) -> service != null && spawner == null
                                        ? server.ownedBy(new ServerOwner.OfService(service.id()))
                                        : ownedBy(server, spawner)));
    }

    static DataFetcher<?> spawner() {
        return env -> RequestContext.loader(env, Loaders.SPAWNER_BY_SERVER_ID)
                .load(env.<Server>getSource().id());
    }

    static DataFetcher<?> service() {
        return env -> RequestContext.loader(env, Loaders.SERVICE_BY_SERVER_ID)
                .load(env.<Server>getSource().id());
    }

    static DataFetcher<?> serviceServer() {
        return env -> {
            Service service = env.getSource();
            return Fetch.loadOrNull(env, Loaders.SERVER_BY_ID, service.serverId())
                    .thenApply(
                            server -> server == null ? null : server.ownedBy(new ServerOwner.OfService(service.id())));
        };
    }

    static DataFetcher<?> serviceApiTokens() {
        return env -> RequestContext.loader(env, Loaders.API_TOKENS_BY_SERVICE_ID)
                .load(env.<Service>getSource().id());
    }
}
