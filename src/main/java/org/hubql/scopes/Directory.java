package org.hubql.scopes;

import java.util.Map;
import java.util.Set;

/**
 * Row ids for the names scope filters use, looked up in the hub database once per verified token. Names with no
 * row are absent from the answers.
 */
public interface Directory extends GroupMembership {
    Map<String, Long> userIds(Set<String> names);

    Map<String, Long> groupIds(Set<String> names);

    /** Each group's members' user ids. */
    Map<Long, IdSet> membersOf(Set<Long> groupIds);

    Map<String, Long> serviceIds(Set<String> names);

    /** Spawner ids by server name {@code user/name} ({@code user/} for the default server). */
    Map<String, Long> spawnerIds(Set<String> servers);
}
