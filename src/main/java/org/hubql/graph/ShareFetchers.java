package org.hubql.graph;

import graphql.schema.DataFetcher;
import org.hubql.loaders.Loaders;
import org.hubql.model.Group;
import org.hubql.model.Share;
import org.hubql.model.ShareCode;
import org.hubql.model.Spawner;
import org.hubql.model.User;

/** Shared servers: shares from the owner's, the grantee's and the spawner's side, and their ends. */
final class ShareFetchers {
    private ShareFetchers() {
        // non-constructable
    }

    static DataFetcher<?> ownedBy() {
        return env -> RequestContext.loader(env, Loaders.SHARES_BY_OWNER_ID)
                .load(env.<User>getSource().id());
    }

    static DataFetcher<?> grantedToUser() {
        return env -> RequestContext.loader(env, Loaders.SHARES_BY_USER_ID)
                .load(env.<User>getSource().id());
    }

    static DataFetcher<?> grantedToGroup() {
        return env -> RequestContext.loader(env, Loaders.SHARES_BY_GROUP_ID)
                .load(env.<Group>getSource().id());
    }

    static DataFetcher<?> ofSpawner() {
        return env -> RequestContext.loader(env, Loaders.SHARES_BY_SPAWNER_ID)
                .load(env.<Spawner>getSource().id());
    }

    static DataFetcher<?> codesOfSpawner() {
        return env -> RequestContext.loader(env, Loaders.SHARE_CODES_BY_SPAWNER_ID)
                .load(env.<Spawner>getSource().id());
    }

    static DataFetcher<?> owner() {
        return env ->
                Fetch.loadOrNull(env, Loaders.USER_BY_ID, env.<Share>getSource().ownerId());
    }

    static DataFetcher<?> spawner() {
        return env -> Fetch.loadOrNull(
                env, Loaders.SPAWNER_BY_ID, env.<Share>getSource().spawnerId());
    }

    static DataFetcher<?> user() {
        return env ->
                Fetch.loadOrNull(env, Loaders.USER_BY_ID, env.<Share>getSource().userId());
    }

    static DataFetcher<?> group() {
        return env -> Fetch.loadOrNull(
                env, Loaders.GROUP_BY_ID, env.<Share>getSource().groupId());
    }

    static DataFetcher<?> codeOwner() {
        return env -> Fetch.loadOrNull(
                env, Loaders.USER_BY_ID, env.<ShareCode>getSource().ownerId());
    }

    static DataFetcher<?> codeSpawner() {
        return env -> Fetch.loadOrNull(
                env, Loaders.SPAWNER_BY_ID, env.<ShareCode>getSource().spawnerId());
    }
}
