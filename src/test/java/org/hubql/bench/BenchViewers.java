package org.hubql.bench;

import java.util.List;
import org.hubql.db.Database;
import org.hubql.scopes.Viewer;
import org.hubql.testkit.TestViewers;

/**
 * Who the benchmark's queries run as: the demo hub's admin, whom nothing is checked for, and a restricted viewer
 * who may read every field of every {@link BenchQuery} and so is answered the same, but only after every field and
 * object has been checked against its scopes.
 */
final class BenchViewers {
    /**
     * What the bench queries read, by {@code schema.graphqls}: {@code users} needs {@code list:users}; a user's
     * {@code admin}, {@code lastActivity}, {@code groups} and {@code server} need {@code read:users} (through its
     * subscopes); {@code spawners} and a server's fields need {@code read:servers}; {@code apiTokens} needs
     * {@code read:tokens}; {@code groups} needs {@code list:groups}, and a group's {@code users} {@code read:groups}.
     * Unfiltered, so that the queries see every row the admin sees; restricted, because scopes the schema declares
     * ({@code read:hub}, {@code admin:users}, …) are missing.
     */
    static final List<String> RESTRICTED_SCOPES =
            List.of("list:users", "read:users", "read:servers", "read:tokens", "list:groups", "read:groups");

    /** {@code admin}, user 1 of every demo hub. */
    static final Viewer ADMIN = TestViewers.admin(1);

    /** {@code alice}, user 2 of every demo hub (not an admin). */
    private static final long RESTRICTED_USER = 2;

    private BenchViewers() {
        // non-constructable
    }

    /** User {@code alice} holding {@link #RESTRICTED_SCOPES}, resolved against the hub as at login. */
    static Viewer restricted(Database database) {
        return TestViewers.user(database, RESTRICTED_USER, RESTRICTED_SCOPES.toArray(String[]::new));
    }
}
