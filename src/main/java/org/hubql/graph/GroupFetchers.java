package org.hubql.graph;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hubql.loaders.Loaders;
import org.hubql.loaders.MembersKey;
import org.hubql.model.Group;
import org.hubql.model.User;
import org.hubql.model.Viewer;

/** The fields of {@code Group} that follow a relation. */
final class GroupFetchers {
    private final PageSize pageSize;

    GroupFetchers(PageSize pageSize) {
        this.pageSize = pageSize;
    }

    DataFetcher<?> users() {
        return env -> {
            Group group = env.getSource();
            int size = pageSize.resolve(env.getArgument("first"));
            String after = env.getArgument("after");
            Long afterUserId = after == null ? null : Cursors.memberAfter(after);
            Viewer viewer = RequestContext.of(env).viewer();
            if (!viewer.seesAll()) {
                return viewerAsOnlyMember(env, viewer, afterUserId, size);
            }
            return RequestContext.loader(env, Loaders.MEMBERS_BY_GROUP)
                    .load(new MembersKey(group.id(), afterUserId, size + 1))
                    .thenApply(rows -> Connection.of(size == 0 ? List.of() : rows, size, Cursors::member,
                            () -> RequestContext.loader(env, Loaders.MEMBER_COUNT_BY_GROUP).load(group.id())
                                    .thenApply(total -> total == null ? 0 : total)));
        };
    }

    /**
     * A viewer who does not see everything reaches a group only through its own {@code groups}, so it is a member;
     * it sees itself as the only one.
     */
    private static Object viewerAsOnlyMember(DataFetchingEnvironment env, Viewer viewer, Long afterUserId, int size) {
        if (viewer.kind() != Viewer.Kind.USER) {
            return Connection.<User>empty();
        }
        boolean onPage = size > 0 && (afterUserId == null || afterUserId < viewer.id());
        return Fetch.loadOrNull(env, Loaders.USER_BY_ID, onPage ? viewer.id() : null)
                .thenApply(self -> Connection.of(self == null ? List.<User>of() : List.of(self), size, Cursors::member,
                        () -> CompletableFuture.completedFuture(1)));
    }
}
