package org.hubql.scopes;

import java.util.Set;

/** The names of the groups a user belongs to, looked up when intersecting a user filter with a group filter. */
@FunctionalInterface
public interface GroupMembership {
    Set<String> groupsOf(String userName);
}
