package org.hubql.graph;

import graphql.schema.DataFetcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hubql.db.PageWindow;
import org.hubql.db.SpawnerPages;
import org.hubql.db.SpawnerSelection;
import org.hubql.db.TokenSelection;
import org.hubql.model.ApiToken;
import org.hubql.scopes.Grants;

/** The root lists across users: {@code Query.spawners} and {@code Query.apiTokens}. */
final class ListFetchers {
    private final PageSize pageSize;
    private final HubColumns columns;

    ListFetchers(PageSize pageSize, HubColumns columns) {
        this.pageSize = pageSize;
        this.columns = columns;
    }

    /** Spawners whose owner {@code list:users} reaches and that {@code read:servers} reaches. */
    DataFetcher<?> spawners() {
        return env -> {
            PageArguments arguments = PageArguments.of(env, pageSize);
            RequestContext context = RequestContext.of(env);
            Grants grants = context.access().grants();
            SpawnerSelection selection = SpawnerArguments.selection(
                    env.getArgument("filter"),
                    env.getArgument("orderBy"),
                    columns,
                    Visibility.of(grants.reach("list:users")),
                    Visibility.of(grants.reach("read:servers")));
            PageWindow window = arguments.window(Keysets.spawners(selection.sort(), Map.of()));
            SpawnerPages.Page page = window.size() == 0
                    ? new SpawnerPages.Page(List.of(), Map.of())
                    : context.queries().spawnerPages().page(context.sql(), selection, window);
            return Connection.of(
                    page.spawners(),
                    window,
                    Keysets.spawners(selection.sort(), page.ownerNames()),
                    () -> CompletableFuture.completedFuture(
                            context.queries().spawnerPages().count(context.sql(), selection)));
        };
    }

    /** API tokens whose owner (a user or a service) {@code read:tokens} reaches. */
    DataFetcher<?> apiTokens() {
        return env -> {
            PageArguments arguments = PageArguments.of(env, pageSize);
            RequestContext context = RequestContext.of(env);
            TokenSelection selection = TokenArguments.selection(
                    env.getArgument("filter"),
                    env.getArgument("orderBy"),
                    columns,
                    Visibility.of(context.access().grants().reach("read:tokens")));
            PageWindow window = arguments.window(Keysets.apiTokens(selection.sort()));
            List<ApiToken> rows = window.size() == 0
                    ? List.of()
                    : context.queries().tokenPages().page(context.sql(), selection, window);
            return Connection.of(
                    rows,
                    window,
                    Keysets.apiTokens(selection.sort()),
                    () -> CompletableFuture.completedFuture(
                            context.queries().tokenPages().count(context.sql(), selection)));
        };
    }
}
