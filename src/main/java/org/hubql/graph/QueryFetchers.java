package org.hubql.graph;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.hubql.db.HubSchema;
import org.hubql.db.UserKeyset;
import org.hubql.db.UserSelection;
import org.hubql.loaders.Loaders;
import org.hubql.model.Group;
import org.hubql.model.User;

/** The root fields of {@code Query}. */
final class QueryFetchers {
    private final PageSize pageSize;
    private final HubSchema schema;
    private final String engine;

    QueryFetchers(PageSize pageSize, HubSchema schema, String engine) {
        this.pageSize = pageSize;
        this.schema = schema;
        this.engine = engine;
    }

    DataFetcher<?> node() {
        return env -> NodeLoading.load(env, NodeId.decode(env.getArgument("id")));
    }

    DataFetcher<?> nodes() {
        return env -> {
            List<String> ids = env.getArgument("ids");
            List<CompletableFuture<Object>> loads = ids.stream().map(id -> NodeLoading.load(env, NodeId.decode(id))).toList();
            return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                    .thenApply(done -> loads.stream().map(CompletableFuture::join).toList());
        };
    }

    DataFetcher<?> user() {
        return env -> Fetch.loadOrNull(env, Loaders.USER_BY_NAME, env.<String>getArgument("name"));
    }

    DataFetcher<?> users() {
        return env -> {
            int size = pageSize.resolve(env.getArgument("first"));
            UserSelection selection = UserArguments.selection(env.getArgument("filter"), env.getArgument("orderBy"));
            String after = env.getArgument("after");
            UserKeyset position = after == null ? null : Cursors.userKeyset(after, selection.sort());
            RequestContext context = RequestContext.of(env);
            List<User> rows = size == 0 ? List.of() : context.queries().users().page(context.sql(), selection, position, size + 1);
            prime(RequestContext.loader(env, Loaders.USER_BY_ID), rows);
            return Connection.of(rows, size, user -> Cursors.user(selection.sort(), user),
                    () -> CompletableFuture.completedFuture(context.queries().users().count(context.sql(), selection)));
        };
    }

    DataFetcher<?> group() {
        return env -> Fetch.loadOrNull(env, Loaders.GROUP_BY_NAME, env.<String>getArgument("name"));
    }

    DataFetcher<?> groups() {
        return env -> {
            int size = pageSize.resolve(env.getArgument("first"));
            String after = env.getArgument("after");
            String afterName = after == null ? null : Cursors.groupAfter(after);
            RequestContext context = RequestContext.of(env);
            List<Group> rows = size == 0 ? List.of() : context.queries().groups().page(context.sql(), afterName, size + 1);
            return Connection.of(rows, size, Cursors::group,
                    () -> CompletableFuture.completedFuture(context.queries().groups().count(context.sql())));
        };
    }

    DataFetcher<?> service() {
        return env -> Fetch.loadOrNull(env, Loaders.SERVICE_BY_NAME, env.<String>getArgument("name"));
    }

    DataFetcher<?> services() {
        return env -> {
            RequestContext context = RequestContext.of(env);
            return context.queries().services().all(context.sql());
        };
    }

    DataFetcher<?> oauthClients() {
        return env -> {
            RequestContext context = RequestContext.of(env);
            return context.queries().oauth().allClients(context.sql());
        };
    }

    DataFetcher<?> hub() {
        return env -> {
            boolean needsCounts = env.getSelectionSet().containsAnyOf("userCount", "adminCount", "groupCount",
                    "serviceCount", "activeServerCount", "apiTokenCount");
            RequestContext context = RequestContext.of(env);
            return new HubView(schema.revision(), schema.releaseLine(), engine,
                    needsCounts ? context.queries().hub().stats(context.sql()) : null);
        };
    }

    private static void prime(DataLoader<Long, User> byId, List<User> users) {
        users.forEach(user -> byId.prime(user.id(), user));
    }
}
