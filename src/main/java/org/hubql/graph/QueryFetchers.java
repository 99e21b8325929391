package org.hubql.graph;

import graphql.schema.DataFetcher;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hubql.db.HubSchema;
import org.hubql.db.PageWindow;
import org.hubql.db.UserSelection;
import org.hubql.loaders.Loaders;
import org.hubql.model.Group;
import org.hubql.model.User;
import org.hubql.scopes.Reach;
import org.hubql.scopes.Subject;
import org.hubql.scopes.Viewer;

/** The root fields of {@code Query}. */
final class QueryFetchers {
    private final PageSize pageSize;
    private final HubSchema schema;
    private final String engine;
    private final Clock clock;

    QueryFetchers(PageSize pageSize, HubSchema schema, String engine, Clock clock) {
        this.pageSize = pageSize;
        this.schema = schema;
        this.engine = engine;
        this.clock = clock;
    }

    DataFetcher<?> node() {
        return env -> NodeLoading.load(env, NodeId.decode(env.getArgument("id")));
    }

    DataFetcher<?> nodes() {
        return env -> {
            List<String> ids = env.getArgument("ids");
            List<CompletableFuture<Object>> loads = ids.stream()
                    .map(id -> NodeLoading.load(env, NodeId.decode(id)))
                    .toList();
            return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                    .thenApply(
                            done -> loads.stream().map(CompletableFuture::join).toList());
        };
    }

    DataFetcher<?> user() {
        return env -> Fetch.loadOrNull(env, Loaders.USER_BY_NAME, env.<String>getArgument("name"));
    }

    DataFetcher<?> users() {
        return env -> {
            PageArguments arguments = PageArguments.of(env, pageSize);
            RequestContext context = RequestContext.of(env);
            UserSelection selection = listable(
                    context.access().grants().reach("list:users"),
                    UserArguments.selection(env.getArgument("filter"), env.getArgument("orderBy"), schema));
            Keyset<User> keyset = Keysets.users(selection.sort());
            PageWindow window = arguments.window(keyset);
            if (selection.onlyIds() != null && selection.onlyIds().isEmpty()) {
                return Connection.<User>empty();
            }
            List<User> rows =
                    window.size() == 0 ? List.of() : context.queries().users().page(context.sql(), selection, window);
            Fetch.prime(env, Loaders.USER_BY_ID, rows, User::id);
            return Connection.of(
                    rows,
                    window,
                    keyset,
                    () -> CompletableFuture.completedFuture(
                            context.queries().users().count(context.sql(), selection)));
        };
    }

    DataFetcher<?> group() {
        return env -> Fetch.loadOrNull(env, Loaders.GROUP_BY_NAME, env.<String>getArgument("name"));
    }

    DataFetcher<?> groups() {
        return env -> {
            PageWindow window = PageArguments.of(env, pageSize).window(Keysets.GROUPS);
            RequestContext context = RequestContext.of(env);
            Reach listable = context.access().grants().reach("list:groups");
            Set<Long> only = listable instanceof Reach.Named named
                    ? Set.copyOf(named.groups().asList())
                    : null;
            if (only != null && only.isEmpty()) {
                return Connection.<Group>empty();
            }
            List<Group> rows =
                    window.size() == 0 ? List.of() : context.queries().groups().page(context.sql(), only, window);
            return Connection.of(
                    rows,
                    window,
                    Keysets.GROUPS,
                    () -> CompletableFuture.completedFuture(
                            context.queries().groups().count(context.sql(), only)));
        };
    }

    DataFetcher<?> service() {
        return env -> Fetch.loadOrNull(env, Loaders.SERVICE_BY_NAME, env.<String>getArgument("name"));
    }

    DataFetcher<?> services() {
        return env -> {
            RequestContext context = RequestContext.of(env);
            Reach listable = context.access().grants().reach("list:services");
            return context.queries().services().all(context.sql()).stream()
                    .filter(service -> listable.covers(new Subject.OfService(service.id())))
                    .toList();
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
            RequestContext context = RequestContext.of(env);
            return new HubView(
                    schema.revision(),
                    schema.releaseLine(),
                    engine,
                    () -> context.queries().hub().stats(context.sql()),
                    clock.instant(),
                    since -> context.queries().hub().activeUsersSince(context.sql(), since));
        };
    }

    /** Who am I: the token's user or service; null when authentication is off. */
    DataFetcher<?> viewer() {
        return env -> {
            Viewer viewer = RequestContext.of(env).viewer();
            return switch (viewer.kind()) {
                case USER -> Fetch.loadOrNull(env, Loaders.USER_BY_ID, viewer.id());
                case SERVICE -> Fetch.loadOrNull(env, Loaders.SERVICE_BY_ID, viewer.id());
                case LOCAL -> null;
            };
        };
    }

    /** The token's expanded scopes, for a frontend to hide what it cannot show. */
    DataFetcher<?> me() {
        return env -> new Me(RequestContext.of(env).access().grants().scopes().asStrings());
    }

    /**
     * The users {@code list:users} lets the viewer list: everyone, or those its filters name (directly or through
     * a group), filtered in SQL so that counts and pages agree with what is shown.
     */
    private static UserSelection listable(Reach reach, UserSelection selection) {
        if (reach instanceof Reach.Everything) {
            return selection;
        }
        Set<Long> only = new HashSet<>();
        if (reach instanceof Reach.Named named) {
            only.addAll(named.users().asList());
            named.groupMembers().forEach(members -> only.addAll(members.asList()));
        }
        return selection.limitedTo(only);
    }
}
