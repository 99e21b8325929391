package org.hubql.db;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which users a page or count covers, and in what order. Null conditions do not filter. {@code onlyIds}, when
 * not null, limits the result to those users (a non-admin viewer sees only itself).
 */
public record UserSelection(
        @Nullable String nameContains,
        @Nullable String nameStartsWith,
        @Nullable Boolean admin,
        @Nullable Boolean active,
        @Nullable Instant lastActivityAfter,
        @Nullable Instant lastActivityBefore,
        @Nullable Boolean neverActive,
        @Nullable Instant createdAfter,
        @Nullable Instant createdBefore,
        @Nullable String group,
        @Nullable Boolean hasNamedServers,
        @Nullable Set<Long> onlyIds,
        UserSort sort,
        boolean descending) {

    /** A selection by the conditions {@code Query.users} had before the name-prefix, creation and server filters. */
    public UserSelection(
            @Nullable String nameContains,
            @Nullable Boolean admin,
            @Nullable Boolean active,
            @Nullable Instant lastActivityAfter,
            @Nullable Instant lastActivityBefore,
            @Nullable String group,
            @Nullable Set<Long> onlyIds,
            UserSort sort,
            boolean descending) {
        this(
                nameContains,
                null,
                admin,
                active,
                lastActivityAfter,
                lastActivityBefore,
                null,
                null,
                null,
                group,
                null,
                onlyIds,
                sort,
                descending);
    }

    public static UserSelection all() {
        return new UserSelection(null, null, null, null, null, null, null, UserSort.ID, false);
    }

    /** This selection, limited to the users with these ids. */
    public UserSelection limitedTo(Set<Long> ids) {
        return new UserSelection(
                nameContains,
                nameStartsWith,
                admin,
                active,
                lastActivityAfter,
                lastActivityBefore,
                neverActive,
                createdAfter,
                createdBefore,
                group,
                hasNamedServers,
                ids,
                sort,
                descending);
    }
}
