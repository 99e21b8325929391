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
        @Nullable Boolean admin,
        @Nullable Boolean active,
        @Nullable Instant lastActivityAfter,
        @Nullable Instant lastActivityBefore,
        @Nullable String group,
        @Nullable Set<Long> onlyIds,
        UserSort sort,
        boolean descending) {

    public static UserSelection all() {
        return new UserSelection(null, null, null, null, null, null, null, UserSort.ID, false);
    }
}
