package org.hubql.graph;

import graphql.schema.DataFetcher;
import java.util.List;
import org.hubql.loaders.Loaders;
import org.hubql.loaders.MembersKey;
import org.hubql.model.Group;

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
            return RequestContext.loader(env, Loaders.MEMBERS_BY_GROUP)
                    .load(new MembersKey(group.id(), afterUserId, size + 1))
                    .thenApply(rows -> Connection.of(
                            size == 0 ? List.of() : rows,
                            size,
                            Cursors::member,
                            () -> RequestContext.loader(env, Loaders.MEMBER_COUNT_BY_GROUP)
                                    .load(group.id())
                                    .thenApply(total -> total == null ? 0 : total)));
        };
    }
}
