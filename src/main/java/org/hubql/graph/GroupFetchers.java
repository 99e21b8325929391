package org.hubql.graph;

import graphql.schema.DataFetcher;
import java.util.List;
import org.hubql.db.PageWindow;
import org.hubql.loaders.Loaders;
import org.hubql.loaders.MembersKey;
import org.hubql.model.Group;
import org.hubql.model.User;

/** The fields of {@code Group} that follow a relation. */
final class GroupFetchers {
    private final PageSize pageSize;

    GroupFetchers(PageSize pageSize) {
        this.pageSize = pageSize;
    }

    DataFetcher<?> users() {
        return env -> {
            Group group = env.getSource();
            PageWindow window = PageArguments.of(env, pageSize).window(Keysets.MEMBERS);
            return RequestContext.loader(env, Loaders.MEMBERS_BY_GROUP)
                    .load(new MembersKey(group.id(), window))
                    .thenApply(rows -> Connection.of(
                            window.size() == 0 ? List.<User>of() : rows,
                            window,
                            Keysets.MEMBERS,
                            () -> RequestContext.loader(env, Loaders.MEMBER_COUNT_BY_GROUP)
                                    .load(group.id())
                                    .thenApply(total -> total == null ? 0 : total)));
        };
    }
}
