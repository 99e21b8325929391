package org.hubql.loaders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import org.hubql.db.GroupQueries;
import org.hubql.db.OAuthQueries;
import org.hubql.db.PageWindow;
import org.hubql.db.Queries;
import org.hubql.db.RoleQueries;
import org.hubql.db.ServerQueries;
import org.hubql.db.ServiceQueries;
import org.hubql.db.ShareQueries;
import org.hubql.db.SpawnerQueries;
import org.hubql.db.Sql;
import org.hubql.db.StateQueries;
import org.hubql.db.TokenQueries;
import org.hubql.db.UserQueries;
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
 * The batch loaders of one request. Each relation of the graph is one statement per batch on a database server,
 * and on SQLite one statement per 250 keys of a batch ({@code Dialect.keysPerStatement}, {@code KeyChunks}: short
 * statements keep a writing hub's commits from waiting), so the statements a query runs depend on its shape (and
 * on SQLite on its key count in steps of 250), never on its row count one by one: a
 * {@code SELECT … WHERE key IN (…)} ({@code KeyedQuery}), or on SQLite, for the relations whose key column the
 * hub's tables do not index (a user's spawners and API tokens, a group's members), a
 * {@code SELECT … WHERE id IN (…)} by primary key with ids from an in-memory index, and member counts from that
 * index with no statement at all ({@code org.hubql.db.sqlite}).
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

    /** Each relation's batch, by loader name: built once, so a request allocates only what it uses. */
    private static final Map<String, Relation<?, ?>> RELATIONS = relations();

    private Loaders() {
        // non-constructable
    }

    /** Fresh loaders for one request: their caches must never outlive it. */
    public static DataLoaderRegistry newRegistry(Queries queries, Sql sql) {
        return new LazyLoaderRegistry(name -> {
            Relation<?, ?> relation = RELATIONS.get(name);
            return relation == null ? null : dataLoader(name, relation, queries, sql);
        });
    }

    /**
     * The value of one key, read at once with the statement its loader would run for it alone: for a lookup that
     * has nothing to batch with (the only field of an operation), which would otherwise pay for a loader, its
     * queue and its futures around one statement.
     */
    public static <K, V> CompletableFuture<V> loadNow(Queries queries, Sql sql, LoaderKey<K, V> key, K value) {
        return completed(() -> loadAll(queries, sql, key, Set.of(value)).get(value));
    }

    /**
     * The values of a set of keys, read at once with the statements their loader's batch runs for them (keys with
     * no row are absent, or empty lists for one-to-many loaders): for a caller that gathered a whole batch itself.
     */
    public static <K, V> Map<K, V> loadAll(Queries queries, Sql sql, LoaderKey<K, V> key, Set<K> keys) {
        @SuppressWarnings("unchecked")
        Relation<K, V> relation = (Relation<K, V>) RELATIONS.get(key.name());
        sql.trace().recordBatch(key.name(), keys.size());
        return relation.load(queries, sql, keys);
    }

    private static <K, V> DataLoader<K, V> dataLoader(String name, Relation<K, V> relation, Queries queries, Sql sql) {
        MappedBatchLoader<K, V> loader = keys -> {
            sql.trace().recordBatch(name, keys.size());
            return completed(() -> relation.load(queries, sql, keys));
        };
        return DataLoaderFactory.newMappedDataLoader(loader);
    }

    /** A relation's batch for one request: the values of a set of keys. */
    private interface Relation<K, V> {
        Map<K, V> load(Queries queries, Sql sql, Set<K> keys);
    }

    /** A relation's batch: the rows of a set of keys, read from one table's queries with a request's statements. */
    private interface Batch<T, K, V> {
        Map<K, V> load(T table, Sql sql, Set<K> keys);
    }

    private static Map<String, Relation<?, ?>> relations() {
        Map<String, Relation<?, ?>> relations = new HashMap<>();
        one(relations, USER_BY_ID, Queries::users, UserQueries::byIds);
        one(relations, USER_BY_NAME, Queries::users, UserQueries::byNames);
        many(relations, MEMBERS_BY_GROUP, Function.identity(), Loaders::membersByGroup);
        one(relations, MEMBER_COUNT_BY_GROUP, Queries::users, UserQueries::memberCounts);
        one(relations, SPAWNER_BY_ID, Queries::spawners, SpawnerQueries::byIds);
        one(relations, SPAWNER_BY_SERVER_ID, Queries::spawners, SpawnerQueries::byServerIds);
        many(relations, SPAWNERS_BY_USER_ID, Queries::spawners, SpawnerQueries::byUserIds);
        one(relations, SERVER_BY_ID, Queries::servers, ServerQueries::byIds);
        one(relations, SERVICE_BY_ID, Queries::services, ServiceQueries::byIds);
        one(relations, SERVICE_BY_NAME, Queries::services, ServiceQueries::byNames);
        one(relations, SERVICE_BY_SERVER_ID, Queries::services, ServiceQueries::byServerIds);
        one(relations, GROUP_BY_ID, Queries::groups, GroupQueries::byIds);
        one(relations, GROUP_BY_NAME, Queries::groups, GroupQueries::byNames);
        many(relations, GROUPS_BY_USER_ID, Queries::groups, GroupQueries::byMemberIds);
        one(relations, API_TOKEN_BY_ID, Queries::tokens, TokenQueries::byIds);
        many(relations, API_TOKENS_BY_USER_ID, Queries::tokens, TokenQueries::byUserIds);
        many(relations, API_TOKENS_BY_SERVICE_ID, Queries::tokens, TokenQueries::byServiceIds);
        one(relations, OAUTH_CLIENT_BY_ID, Queries::oauth, OAuthQueries::clientsByIds);
        one(relations, OAUTH_CLIENT_BY_IDENTIFIER, Queries::oauth, OAuthQueries::clientsByIdentifiers);
        one(relations, OAUTH_TOKEN_BY_ID, Queries::oauth, OAuthQueries::tokensByIds);
        many(relations, OAUTH_TOKENS_BY_USER_ID, Queries::oauth, OAuthQueries::tokensByUserIds);
        many(relations, OAUTH_TOKENS_BY_CLIENT_ID, Queries::oauth, OAuthQueries::tokensByClientIds);
        one(relations, OAUTH_CODE_BY_ID, Queries::oauth, OAuthQueries::codesByIds);
        many(relations, OAUTH_CODES_BY_USER_ID, Queries::oauth, OAuthQueries::codesByUserIds);
        one(relations, ROLE_BY_ID, Queries::roles, RoleQueries::byIds);
        many(relations, ROLES_BY_USER_ID, Queries::roles, RoleQueries::byUserIds);
        many(relations, ROLES_BY_GROUP_ID, Queries::roles, RoleQueries::byGroupIds);
        many(relations, ROLES_BY_SERVICE_ID, Queries::roles, RoleQueries::byServiceIds);
        many(relations, USERS_BY_ROLE_ID, Queries::roles, RoleQueries::usersOf);
        many(relations, GROUPS_BY_ROLE_ID, Queries::roles, RoleQueries::groupsOf);
        many(relations, SERVICES_BY_ROLE_ID, Queries::roles, RoleQueries::servicesOf);
        one(relations, SHARE_BY_ID, Queries::shares, ShareQueries::byIds);
        many(relations, SHARES_BY_OWNER_ID, Queries::shares, ShareQueries::byOwnerIds);
        many(relations, SHARES_BY_USER_ID, Queries::shares, ShareQueries::byUserIds);
        many(relations, SHARES_BY_GROUP_ID, Queries::shares, ShareQueries::byGroupIds);
        many(relations, SHARES_BY_SPAWNER_ID, Queries::shares, ShareQueries::bySpawnerIds);
        one(relations, SHARE_CODE_BY_ID, Queries::shares, ShareQueries::codesByIds);
        many(relations, SHARE_CODES_BY_SPAWNER_ID, Queries::shares, ShareQueries::codesBySpawnerIds);
        one(relations, USER_STATE_BY_ID, Queries::states, StateQueries::userStates);
        one(relations, SPAWNER_STATE_BY_ID, Queries::states, StateQueries::spawnerStates);
        return Map.copyOf(relations);
    }

    /** Pages that ask for the same window (cursors, direction, size) share one statement. */
    private static Map<MembersKey, List<User>> membersByGroup(Queries queries, Sql sql, Set<MembersKey> keys) {
        Map<MembersKey, List<User>> pages = new HashMap<>();
        Map<PageWindow, List<MembersKey>> byWindow = new HashMap<>();
        for (MembersKey key : keys) {
            byWindow.computeIfAbsent(key.window(), w -> new ArrayList<>()).add(key);
        }
        for (List<MembersKey> sameWindow : byWindow.values()) {
            MembersKey first = sameWindow.get(0);
            List<Long> groupIds = sameWindow.stream().map(MembersKey::groupId).toList();
            Map<Long, List<User>> members = queries.users().membersOf(sql, groupIds, first.window());
            sameWindow.forEach(key -> pages.put(key, members.getOrDefault(key.groupId(), List.of())));
        }
        return pages;
    }

    private static <T, K, V> void one(
            Map<String, Relation<?, ?>> relations,
            LoaderKey<K, V> key,
            Function<Queries, T> table,
            Batch<T, K, V> batch) {
        Relation<K, V> relation = (queries, sql, keys) -> batch.load(table.apply(queries), sql, keys);
        relations.put(key.name(), relation);
    }

    private static <T, K, V> void many(
            Map<String, Relation<?, ?>> relations,
            LoaderKey<K, List<V>> key,
            Function<Queries, T> table,
            Batch<T, K, List<V>> batch) {
        Relation<K, List<V>> relation =
                (queries, sql, keys) -> withEmptyLists(keys, batch.load(table.apply(queries), sql, keys));
        relations.put(key.name(), relation);
    }

    private static <K, V> Map<K, List<V>> withEmptyLists(Set<K> keys, Map<K, List<V>> found) {
        Map<K, List<V>> all = new HashMap<>(found);
        keys.forEach(key -> all.putIfAbsent(key, List.of()));
        return all;
    }

    private static <T> CompletableFuture<T> completed(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
