package org.hubql.graph;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.hubql.loaders.LoaderKey;
import org.hubql.loaders.Loaders;
import org.hubql.model.Server;

/** Resolves a {@link NodeId} through the loader of its type. */
final class NodeLoading {
    private NodeLoading() {
        // non-constructable
    }

    @SuppressWarnings("unchecked")
    static CompletableFuture<Object> load(DataFetchingEnvironment env, NodeId id) {
        CompletableFuture<?> found = Fetch.load(env, loaderOf(id.type()), id.databaseId());
        if (id.type().equals("Server") && RequestContext.of(env).access().restricted()) {
            found = ServerFetchers.withOwner(env, (CompletableFuture<Server>) found);
        }
        return (CompletableFuture<Object>) found;
    }

    /** The loader that finds objects of a {@code Node} type by id. */
    static LoaderKey<Long, ?> loaderOf(String type) {
        return switch (type) {
            case "User" -> Loaders.USER_BY_ID;
            case "Spawner" -> Loaders.SPAWNER_BY_ID;
            case "Server" -> Loaders.SERVER_BY_ID;
            case "Service" -> Loaders.SERVICE_BY_ID;
            case "Group" -> Loaders.GROUP_BY_ID;
            case "ApiToken" -> Loaders.API_TOKEN_BY_ID;
            case "OAuthClient" -> Loaders.OAUTH_CLIENT_BY_ID;
            case "OAuthAccessToken" -> Loaders.OAUTH_TOKEN_BY_ID;
            case "OAuthCode" -> Loaders.OAUTH_CODE_BY_ID;
            case "Role" -> Loaders.ROLE_BY_ID;
            case "Share" -> Loaders.SHARE_BY_ID;
            case "ShareCode" -> Loaders.SHARE_CODE_BY_ID;
            default -> throw new BadInputException("not a valid node id");
        };
    }
}
