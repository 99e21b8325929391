package org.hubql.loaders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import org.hubql.db.Queries;
import org.hubql.db.Sql;
import org.hubql.model.ApiToken;
import org.hubql.model.Group;
import org.hubql.model.OAuthAccessToken;
import org.hubql.model.OAuthClient;
import org.hubql.model.OAuthCode;
import org.hubql.model.RawJson;
import org.hubql.model.Role;
import org.hubql.model.Server;
import org.hubql.model.Service;
import org.hubql.model.Share;
import org.hubql.model.ShareCode;
import org.hubql.model.Spawner;
import org.hubql.model.User;

/**
 * The batch loaders of one request. Each relation of the graph is one statement per batch, whatever the number of
 * keys, so the statements a query runs depend on its shape, not on the row count: a {@code SELECT … WHERE key IN (…)}
 * ({@code KeyedQuery}), or on SQLite, for the relations whose key column the hub's tables do not index (a user's
 * spawners and API tokens, a group's members), a {@code SELECT … WHERE id IN (…)} by primary key with ids from an
 * in-memory index, and member counts from that index with no statement at all ({@code org.hubql.db.sqlite}).
 * A key with no row loads as null, or as an empty list for one-to-many loaders.
 *
 * <p>Batches run on the thread that dispatches them: one request's statements run one after the other (SQLite
 * serialises them anyway), while concurrent requests run on their own threads and pooled connections.
 */
public final class Loaders {
    public static final LoaderKey<Long, User> USER_BY_ID = new LoaderKey<>("userById");
    public static final LoaderKey<String, User> USER_BY_NAME = new LoaderKey<>("userByName");
    public static final LoaderKey<MembersKey, List<User>> MEMBERS_BY_GROUP = new LoaderKey<>("membersByGroup");
    public static final LoaderKey<Long, Integer> MEMBER_COUNT_BY_GROUP = new LoaderKey<>("memberCountByGroup");
    public static final LoaderKey<Long, Spawner> SPAWNER_BY_ID = new LoaderKey<>("spawnerById");
    public static final LoaderKey<Long, Spawner> SPAWNER_BY_SERVER_ID = new LoaderKey<>("spawnerByServerId");
    public static final LoaderKey<Long, List<Spawner>> SPAWNERS_BY_USER_ID = new LoaderKey<>("spawnersByUserId");
    public static final LoaderKey<Long, Server> SERVER_BY_ID = new LoaderKey<>("serverById");
    public static final LoaderKey<Long, Service> SERVICE_BY_ID = new LoaderKey<>("serviceById");
    public static final LoaderKey<String, Service> SERVICE_BY_NAME = new LoaderKey<>("serviceByName");
    public static final LoaderKey<Long, Service> SERVICE_BY_SERVER_ID = new LoaderKey<>("serviceByServerId");
    public static final LoaderKey<Long, Group> GROUP_BY_ID = new LoaderKey<>("groupById");
    public static final LoaderKey<String, Group> GROUP_BY_NAME = new LoaderKey<>("groupByName");
    public static final LoaderKey<Long, List<Group>> GROUPS_BY_USER_ID = new LoaderKey<>("groupsByUserId");
    public static final LoaderKey<Long, ApiToken> API_TOKEN_BY_ID = new LoaderKey<>("apiTokenById");
    public static final LoaderKey<Long, List<ApiToken>> API_TOKENS_BY_USER_ID = new LoaderKey<>("apiTokensByUserId");
    public static final LoaderKey<Long, List<ApiToken>> API_TOKENS_BY_SERVICE_ID =
            new LoaderKey<>("apiTokensByServiceId");
    public static final LoaderKey<Long, OAuthClient> OAUTH_CLIENT_BY_ID = new LoaderKey<>("oauthClientById");
    public static final LoaderKey<String, OAuthClient> OAUTH_CLIENT_BY_IDENTIFIER =
            new LoaderKey<>("oauthClientByIdentifier");
    public static final LoaderKey<Long, OAuthAccessToken> OAUTH_TOKEN_BY_ID = new LoaderKey<>("oauthTokenById");
    public static final LoaderKey<Long, List<OAuthAccessToken>> OAUTH_TOKENS_BY_USER_ID =
            new LoaderKey<>("oauthTokensByUserId");
    public static final LoaderKey<String, List<OAuthAccessToken>> OAUTH_TOKENS_BY_CLIENT_ID =
            new LoaderKey<>("oauthTokensByClientId");
    public static final LoaderKey<Long, OAuthCode> OAUTH_CODE_BY_ID = new LoaderKey<>("oauthCodeById");
    public static final LoaderKey<Long, List<OAuthCode>> OAUTH_CODES_BY_USER_ID = new LoaderKey<>("oauthCodesByUserId");

    public static final LoaderKey<Long, Role> ROLE_BY_ID = new LoaderKey<>("roleById");
    public static final LoaderKey<Long, List<Role>> ROLES_BY_USER_ID = new LoaderKey<>("rolesByUserId");
    public static final LoaderKey<Long, List<Role>> ROLES_BY_GROUP_ID = new LoaderKey<>("rolesByGroupId");
    public static final LoaderKey<Long, List<Role>> ROLES_BY_SERVICE_ID = new LoaderKey<>("rolesByServiceId");
    public static final LoaderKey<Long, List<User>> USERS_BY_ROLE_ID = new LoaderKey<>("usersByRoleId");
    public static final LoaderKey<Long, List<Group>> GROUPS_BY_ROLE_ID = new LoaderKey<>("groupsByRoleId");
    public static final LoaderKey<Long, List<Service>> SERVICES_BY_ROLE_ID = new LoaderKey<>("servicesByRoleId");
    public static final LoaderKey<Long, Share> SHARE_BY_ID = new LoaderKey<>("shareById");
    public static final LoaderKey<Long, List<Share>> SHARES_BY_OWNER_ID = new LoaderKey<>("sharesByOwnerId");
    public static final LoaderKey<Long, List<Share>> SHARES_BY_USER_ID = new LoaderKey<>("sharesByUserId");
    public static final LoaderKey<Long, List<Share>> SHARES_BY_GROUP_ID = new LoaderKey<>("sharesByGroupId");
    public static final LoaderKey<Long, List<Share>> SHARES_BY_SPAWNER_ID = new LoaderKey<>("sharesBySpawnerId");
    public static final LoaderKey<Long, ShareCode> SHARE_CODE_BY_ID = new LoaderKey<>("shareCodeById");
    public static final LoaderKey<Long, List<ShareCode>> SHARE_CODES_BY_SPAWNER_ID =
            new LoaderKey<>("shareCodesBySpawnerId");
    public static final LoaderKey<Long, RawJson> USER_STATE_BY_ID = new LoaderKey<>("userStateById");
    public static final LoaderKey<Long, RawJson> SPAWNER_STATE_BY_ID = new LoaderKey<>("spawnerStateById");

    private Loaders() {
        // non-constructable
    }

    /** Fresh loaders for one request: their caches must never outlive it. */
    public static DataLoaderRegistry newRegistry(Queries queries, Sql sql) {
        LazyLoaderRegistry registry = new LazyLoaderRegistry(sql.trace()::recordBatch);
        one(registry, USER_BY_ID, keys -> queries.users().byIds(sql, keys));
        one(registry, USER_BY_NAME, keys -> queries.users().byNames(sql, keys));
        many(registry, MEMBERS_BY_GROUP, keys -> membersByGroup(queries, sql, keys));
        one(registry, MEMBER_COUNT_BY_GROUP, keys -> queries.users().memberCounts(sql, keys));
        one(registry, SPAWNER_BY_ID, keys -> queries.spawners().byIds(sql, keys));
        one(registry, SPAWNER_BY_SERVER_ID, keys -> queries.spawners().byServerIds(sql, keys));
        many(registry, SPAWNERS_BY_USER_ID, keys -> queries.spawners().byUserIds(sql, keys));
        one(registry, SERVER_BY_ID, keys -> queries.servers().byIds(sql, keys));
        one(registry, SERVICE_BY_ID, keys -> queries.services().byIds(sql, keys));
        one(registry, SERVICE_BY_NAME, keys -> queries.services().byNames(sql, keys));
        one(registry, SERVICE_BY_SERVER_ID, keys -> queries.services().byServerIds(sql, keys));
        one(registry, GROUP_BY_ID, keys -> queries.groups().byIds(sql, keys));
        one(registry, GROUP_BY_NAME, keys -> queries.groups().byNames(sql, keys));
        many(registry, GROUPS_BY_USER_ID, keys -> queries.groups().byMemberIds(sql, keys));
        one(registry, API_TOKEN_BY_ID, keys -> queries.tokens().byIds(sql, keys));
        many(registry, API_TOKENS_BY_USER_ID, keys -> queries.tokens().byUserIds(sql, keys));
        many(registry, API_TOKENS_BY_SERVICE_ID, keys -> queries.tokens().byServiceIds(sql, keys));
        one(registry, OAUTH_CLIENT_BY_ID, keys -> queries.oauth().clientsByIds(sql, keys));
        one(registry, OAUTH_CLIENT_BY_IDENTIFIER, keys -> queries.oauth().clientsByIdentifiers(sql, keys));
        one(registry, OAUTH_TOKEN_BY_ID, keys -> queries.oauth().tokensByIds(sql, keys));
        many(registry, OAUTH_TOKENS_BY_USER_ID, keys -> queries.oauth().tokensByUserIds(sql, keys));
        many(registry, OAUTH_TOKENS_BY_CLIENT_ID, keys -> queries.oauth().tokensByClientIds(sql, keys));
        one(registry, OAUTH_CODE_BY_ID, keys -> queries.oauth().codesByIds(sql, keys));
        many(registry, OAUTH_CODES_BY_USER_ID, keys -> queries.oauth().codesByUserIds(sql, keys));
        one(registry, ROLE_BY_ID, keys -> queries.roles().byIds(sql, keys));
        many(registry, ROLES_BY_USER_ID, keys -> queries.roles().byUserIds(sql, keys));
        many(registry, ROLES_BY_GROUP_ID, keys -> queries.roles().byGroupIds(sql, keys));
        many(registry, ROLES_BY_SERVICE_ID, keys -> queries.roles().byServiceIds(sql, keys));
        many(registry, USERS_BY_ROLE_ID, keys -> queries.roles().usersOf(sql, keys));
        many(registry, GROUPS_BY_ROLE_ID, keys -> queries.roles().groupsOf(sql, keys));
        many(registry, SERVICES_BY_ROLE_ID, keys -> queries.roles().servicesOf(sql, keys));
        one(registry, SHARE_BY_ID, keys -> queries.shares().byIds(sql, keys));
        many(registry, SHARES_BY_OWNER_ID, keys -> queries.shares().byOwnerIds(sql, keys));
        many(registry, SHARES_BY_USER_ID, keys -> queries.shares().byUserIds(sql, keys));
        many(registry, SHARES_BY_GROUP_ID, keys -> queries.shares().byGroupIds(sql, keys));
        many(registry, SHARES_BY_SPAWNER_ID, keys -> queries.shares().bySpawnerIds(sql, keys));
        one(registry, SHARE_CODE_BY_ID, keys -> queries.shares().codesByIds(sql, keys));
        many(registry, SHARE_CODES_BY_SPAWNER_ID, keys -> queries.shares().codesBySpawnerIds(sql, keys));
        one(registry, USER_STATE_BY_ID, keys -> queries.states().userStates(sql, keys));
        one(registry, SPAWNER_STATE_BY_ID, keys -> queries.states().spawnerStates(sql, keys));
        return registry;
    }

    /** Pages that ask for the same window ({@code after}, {@code limit}) share one statement. */
    private static Map<MembersKey, List<User>> membersByGroup(Queries queries, Sql sql, Set<MembersKey> keys) {
        Map<MembersKey, List<User>> pages = new HashMap<>();
        Map<List<Object>, List<MembersKey>> byWindow = new HashMap<>();
        for (MembersKey key : keys) {
            byWindow.computeIfAbsent(Arrays.asList(key.afterUserId(), key.limit()), w -> new ArrayList<>())
                    .add(key);
        }
        for (List<MembersKey> sameWindow : byWindow.values()) {
            MembersKey first = sameWindow.get(0);
            List<Long> groupIds = sameWindow.stream().map(MembersKey::groupId).toList();
            Map<Long, List<User>> members =
                    queries.users().membersOf(sql, groupIds, first.afterUserId(), first.limit());
            sameWindow.forEach(key -> pages.put(key, members.getOrDefault(key.groupId(), List.of())));
        }
        return pages;
    }

    private static <K, V> void one(
            LazyLoaderRegistry registry, LoaderKey<K, V> key, Function<Set<K>, Map<K, V>> batch) {
        MappedBatchLoader<K, V> loader = keys -> completed(() -> batch.apply(keys));
        registry.lazily(key.name(), () -> DataLoaderFactory.newMappedDataLoader(registry.counted(key.name(), loader)));
    }

    private static <K, V> void many(
            LazyLoaderRegistry registry, LoaderKey<K, List<V>> key, Function<Set<K>, Map<K, List<V>>> batch) {
        MappedBatchLoader<K, List<V>> loader = keys -> completed(() -> withEmptyLists(keys, batch.apply(keys)));
        registry.lazily(key.name(), () -> DataLoaderFactory.newMappedDataLoader(registry.counted(key.name(), loader)));
    }

    private static <K, V> Map<K, List<V>> withEmptyLists(Set<K> keys, Map<K, List<V>> found) {
        Map<K, List<V>> all = new HashMap<>(found);
        keys.forEach(key -> all.putIfAbsent(key, List.of()));
        return all;
    }

    private static <T> CompletionStage<T> completed(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
