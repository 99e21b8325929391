package org.hubql.demo;

import java.util.List;
import java.util.Locale;

/**
 * Names of demo users and groups. Generated user names end in the user's id ({@code user-00042},
 * {@code maria42}), which keeps them unique without remembering the names already handed out.
 */
final class UserNames {
    static final String ADMIN = "admin";
    static final String USER = "alice";

    private static final List<String> SPECIAL = List.of(ADMIN, USER, "müller", "jane.doe@example.org");
    private static final List<String> FIRST = List.of(
            "maria", "james", "li", "fatima", "olivia", "noah", "sofia", "lucas", "amara", "chen", "emma", "mateo",
            "yuki", "aisha", "liam", "nina", "omar", "priya", "jonas", "elena", "ravi", "sara", "tomas", "zoe", "hana",
            "ivan", "leila", "marco", "nora", "kofi");
    private static final List<String> FIXED_GROUPS = List.of("staff", "class-2026", "class-2025");

    private UserNames() {}

    /** How many of the first user ids carry a fixed name. */
    static int specialCount() {
        return SPECIAL.size();
    }

    static String user(int id, DemoRandom random) {
        if (id <= SPECIAL.size()) {
            return SPECIAL.get(id - 1);
        }
        return random.chance(0.55) ? String.format(Locale.ROOT, "user-%05d", id) : random.pick(FIRST) + id;
    }

    /** About one group per 25 users, at least three: {@code staff}, {@code class-2026}, … {@code team-07}, …. */
    static int groupCount(int users) {
        return Math.max(FIXED_GROUPS.size(), users / 25);
    }

    static String group(int id) {
        if (id <= FIXED_GROUPS.size()) {
            return FIXED_GROUPS.get(id - 1);
        }
        return String.format(Locale.ROOT, "team-%02d", id - FIXED_GROUPS.size());
    }
}
