package org.hubql.graph;

import graphql.schema.DataFetcher;
import org.hubql.loaders.Loaders;
import org.hubql.model.Group;
import org.hubql.model.Role;
import org.hubql.model.Service;
import org.hubql.model.User;

/** Roles of users, groups and services, and who holds each role. */
final class RoleFetchers {
    private RoleFetchers() {
        // non-constructable
    }

    static DataFetcher<?> all() {
        return env -> {
            RequestContext context = RequestContext.of(env);
            return context.queries().roles().all(context.sql());
        };
    }

    static DataFetcher<?> ofUser() {
        return env -> RequestContext.loader(env, Loaders.ROLES_BY_USER_ID)
                .load(env.<User>getSource().id());
    }

    static DataFetcher<?> ofGroup() {
        return env -> RequestContext.loader(env, Loaders.ROLES_BY_GROUP_ID)
                .load(env.<Group>getSource().id());
    }

    static DataFetcher<?> ofService() {
        return env -> RequestContext.loader(env, Loaders.ROLES_BY_SERVICE_ID)
                .load(env.<Service>getSource().id());
    }

    static DataFetcher<?> users() {
        return env -> RequestContext.loader(env, Loaders.USERS_BY_ROLE_ID)
                .load(env.<Role>getSource().id());
    }

    static DataFetcher<?> groups() {
        return env -> RequestContext.loader(env, Loaders.GROUPS_BY_ROLE_ID)
                .load(env.<Role>getSource().id());
    }

    static DataFetcher<?> services() {
        return env -> RequestContext.loader(env, Loaders.SERVICES_BY_ROLE_ID)
                .load(env.<Role>getSource().id());
    }
}
