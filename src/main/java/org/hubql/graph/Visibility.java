package org.hubql.graph;

import java.util.HashSet;
import java.util.Set;
import org.hubql.db.Visible;
import org.hubql.scopes.Reach;

/** A scope's {@link Reach} as the rows it lets a list show, for SQL to filter on. */
final class Visibility {
    private Visibility() {
        // non-constructable
    }

    static Visible of(Reach reach) {
        if (reach instanceof Reach.Everything) {
            return Visible.ALL;
        }
        if (!(reach instanceof Reach.Named named)) {
            return new Visible.Only(Set.of(), Set.of(), Set.of());
        }
        Set<Long> users = new HashSet<>(named.users().asList());
        named.groupMembers().forEach(members -> users.addAll(members.asList()));
        return new Visible.Only(
                users,
                Set.copyOf(named.spawners().asList()),
                Set.copyOf(named.services().asList()));
    }
}
