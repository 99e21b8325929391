package org.hubql.scopes;

import java.util.List;

/**
 * The objects one base scope covers, by row id: a {@link ScopeFilter} whose names were resolved against the hub
 * database when the token was verified. Group filters are kept twice: the groups themselves, and each group's
 * members, which a {@code !group=} filter covers as users and servers.
 */
public sealed interface Reach {

    boolean covers(Subject subject);

    /** An unfiltered scope: everything it is about. */
    record Everything() implements Reach {
        @Override
        public boolean covers(Subject subject) {
            return !(subject instanceof Subject.Unrelated);
        }
    }

    /** A scope not held at all. */
    record Nothing() implements Reach {
        @Override
        public boolean covers(Subject subject) {
            return false;
        }
    }

    /** A filtered scope: exactly the objects its filters name. */
    record Named(IdSet users, IdSet groups, List<IdSet> groupMembers, IdSet spawners, IdSet services) implements Reach {
        @Override
        public boolean covers(Subject subject) {
            if (subject instanceof Subject.OfUser user) {
                return coversUser(user.userId());
            }
            if (subject instanceof Subject.OfServer server) {
                return spawners.contains(server.spawnerId()) || coversUser(server.userId());
            }
            if (subject instanceof Subject.OfGroup group) {
                return groups.contains(group.groupId());
            }
            if (subject instanceof Subject.OfService service) {
                return services.contains(service.serviceId());
            }
            return subject instanceof Subject.Root;
        }

        /** The user is named, or is a member of a named group. */
        public boolean coversUser(long userId) {
            if (users.contains(userId)) {
                return true;
            }
            for (IdSet members : groupMembers) {
                if (members.contains(userId)) {
                    return true;
                }
            }
            return false;
        }
    }

    Reach EVERYTHING = new Everything();
    Reach NOTHING = new Nothing();
}
