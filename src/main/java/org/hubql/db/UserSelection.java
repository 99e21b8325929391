package org.hubql.db;

import java.time.Instant;
import java.util.Set;

/**
 * Which users a page or count covers, and in what order. Null conditions do not filter. {@code onlyIds}, when
 * not null, limits the result to those users (a non-admin viewer sees only itself).
 */
public record UserSelection(String nameContains, Boolean admin, Boolean active, Instant lastActivityAfter,
                            Instant lastActivityBefore, String group, Set<Long> onlyIds, UserSort sort,
                            boolean descending) {

    public static UserSelection all() {
        return new UserSelection(null, null, null, null, null, null, null, UserSort.ID, false);
    }
}
