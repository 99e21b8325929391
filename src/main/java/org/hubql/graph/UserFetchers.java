package org.hubql.graph;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hubql.loaders.Loaders;
import org.hubql.model.ApiToken;
import org.hubql.model.Group;
import org.hubql.model.Spawner;
import org.hubql.model.User;
import org.jspecify.annotations.Nullable;

/** The fields of {@code User} that follow a relation. */
final class UserFetchers {
    private UserFetchers() {
        // non-constructable
    }

    static DataFetcher<?> server() {
        return env -> spawners(env.getSource(), env).thenCompose(spawners -> {
            Spawner spawner = named(spawners, "");
            return Fetch.loadOrNull(env, Loaders.SERVER_BY_ID, serverOf(spawner))
                    .thenApply(server -> ServerFetchers.ownedBy(server, spawner));
        });
    }

    static DataFetcher<?> spawners() {
        return KeyedField.<User, Long, List<Spawner>>of(Loaders.SPAWNERS_BY_USER_ID, User::id);
    }

    static DataFetcher<?> spawner() {
        return env -> spawners(env.getSource(), env).thenApply(spawners -> named(spawners, env.getArgument("name")));
    }

    static DataFetcher<?> groups() {
        return KeyedField.<User, Long, List<Group>>of(Loaders.GROUPS_BY_USER_ID, User::id);
    }

    static DataFetcher<?> apiTokens() {
        return KeyedField.<User, Long, List<ApiToken>>of(Loaders.API_TOKENS_BY_USER_ID, User::id);
    }

    static DataFetcher<?> oauthTokens() {
        return env -> RequestContext.loader(env, Loaders.OAUTH_TOKENS_BY_USER_ID)
                .load(env.<User>getSource().id());
    }

    static DataFetcher<?> oauthCodes() {
        return env -> RequestContext.loader(env, Loaders.OAUTH_CODES_BY_USER_ID)
                .load(env.<User>getSource().id());
    }

    static DataFetcher<?> state() {
        return env -> RequestContext.loader(env, Loaders.USER_STATE_BY_ID)
                .load(env.<User>getSource().id());
    }

    private static CompletableFuture<List<Spawner>> spawners(User user, DataFetchingEnvironment env) {
        return RequestContext.loader(env, Loaders.SPAWNERS_BY_USER_ID).load(user.id());
    }

    private static Spawner named(List<Spawner> spawners, String name) {
        return spawners.stream()
                .filter(spawner -> spawner.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static @Nullable Long serverOf(@Nullable Spawner spawner) {
        return spawner == null ? null : spawner.serverId();
    }
}
