package org.hubql.graph;

import java.time.Instant;
import java.util.Map;
import org.hubql.db.HubSchema;
import org.hubql.db.UserSelection;
import org.hubql.db.UserSort;

/** Turns the {@code filter} and {@code orderBy} arguments of {@code Query.users} into a {@link UserSelection}. */
final class UserArguments {
    private UserArguments() {
        // non-constructable
    }

    /**
     * @throws BadInputException for a condition this hub's JupyterHub version cannot answer: {@code created} and
     *     {@code neverActive} need 0.9 or later
     */
    static UserSelection selection(Map<String, Object> filter, Map<String, Object> orderBy, HubSchema schema) {
        Map<String, Object> conditions = filter == null ? Map.of() : filter;
        refuseWithoutCreated(conditions, schema);
        UserSort sort = orderBy == null ? UserSort.ID : UserSort.valueOf((String) orderBy.get("field"));
        boolean descending = orderBy != null && "DESC".equals(orderBy.get("direction"));
        return new UserSelection(
                (String) conditions.get("nameContains"),
                (String) conditions.get("nameStartsWith"),
                (Boolean) conditions.get("admin"),
                (Boolean) conditions.get("active"),
                (Instant) conditions.get("lastActivityAfter"),
                (Instant) conditions.get("lastActivityBefore"),
                (Boolean) conditions.get("neverActive"),
                (Instant) conditions.get("createdAfter"),
                (Instant) conditions.get("createdBefore"),
                (String) conditions.get("group"),
                (Boolean) conditions.get("hasNamedServers"),
                null,
                sort,
                descending);
    }

    /**
     * Before 0.9 JupyterHub kept no creation time, and stamped {@code last_activity} when it created a user, so a
     * user who never came back cannot be told from one who did: those filters are refused rather than answered
     * wrongly.
     */
    private static void refuseWithoutCreated(Map<String, Object> conditions, HubSchema schema) {
        if (schema.has("users", "created")) {
            return;
        }
        for (String name : new String[] {"createdAfter", "createdBefore", "neverActive"}) {
            if (conditions.get(name) != null) {
                throw new BadInputException("`UserFilter." + name
                        + "` needs JupyterHub 0.9 or later (the `users.created` column); this hub's schema is "
                        + (schema.releaseLine() == null ? "older" : schema.releaseLine()) + ", which "
                        + (name.equals("neverActive")
                                ? "sets `last_activity` when it creates a user, so users who never came back cannot be told apart"
                                : "does not record when a user was created"));
            }
        }
    }
}
