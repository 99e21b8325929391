package org.hubql.graph;

import java.time.Instant;
import java.util.Map;
import org.hubql.db.UserSelection;
import org.hubql.db.UserSort;

/** Turns the {@code filter} and {@code orderBy} arguments of {@code Query.users} into a {@link UserSelection}. */
final class UserArguments {
    private UserArguments() {
        // non-constructable
    }

    static UserSelection selection(Map<String, Object> filter, Map<String, Object> orderBy) {
        Map<String, Object> conditions = filter == null ? Map.of() : filter;
        UserSort sort = orderBy == null ? UserSort.ID : UserSort.valueOf((String) orderBy.get("field"));
        boolean descending = orderBy != null && "DESC".equals(orderBy.get("direction"));
        return new UserSelection(
                (String) conditions.get("nameContains"),
                (Boolean) conditions.get("admin"),
                (Boolean) conditions.get("active"),
                (Instant) conditions.get("lastActivityAfter"),
                (Instant) conditions.get("lastActivityBefore"),
                (String) conditions.get("group"),
                null,
                sort,
                descending);
    }
}
