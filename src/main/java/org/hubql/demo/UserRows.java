package org.hubql.demo;

import java.sql.SQLException;
import java.util.List;

/** Writes one user with the rows hanging off it: group memberships, spawners and personal API tokens. */
final class UserRows {
    private static final int ACTIVITY_DAYS = 60;
    private static final double ADMIN_SHARE = 0.05;
    private static final double AUTH_STATE_SHARE = 0.10;
    private static final double NO_ACTIVITY_SHARE_OF_IDLE = 0.10;
    private static final int MAX_TOKENS = 3;
    private static final long STAFF_GROUP_ID = 1;

    private final DemoRows rows;
    private final DemoRandom random;
    private final TokenMinter tokens;
    private final SpawnerRows spawners;
    private final int groupCount;

    UserRows(DemoRows rows, DemoRandom random, TokenMinter tokens, SpawnerRows spawners, int groupCount) {
        this.rows = rows;
        this.random = random;
        this.tokens = tokens;
        this.spawners = spawners;
        this.groupCount = groupCount;
    }

    /** Writes user {@code id}; returns the plaintext of its first personal API token, or null if it has none. */
    String write(int id) throws SQLException {
        String name = UserNames.user(id, random);
        boolean admin = name.equals(UserNames.ADMIN) || !name.equals(UserNames.USER) && random.chance(ADMIN_SHARE);
        List<SpawnerPlan> plans = SpawnerPlans.forUser(name, random);
        boolean neverSeen =
                plans.isEmpty() && id > UserNames.specialCount() && random.chance(NO_ACTIVITY_SHARE_OF_IDLE);
        Long activity = neverSeen ? null : HubTime.recent(random, ACTIVITY_DAYS);
        boolean spawned = plans.stream().anyMatch(SpawnerPlan::everStarted);
        byte[] authState = random.chance(AUTH_STATE_SHARE) ? AuthStateBlob.random(random) : null;

        rows.user(
                id,
                name,
                admin,
                activity == null ? null : HubTime.text(activity),
                random.uuid4Hex(),
                spawned ? "{}" : null,
                authState);
        writeMemberships(id, name);
        for (SpawnerPlan plan : plans) {
            spawners.write(id, name, plan, activity);
        }
        long running = plans.stream()
                .filter(plan -> plan.status() == SpawnerPlan.Status.RUNNING)
                .count();
        return writePersonalTokens(id, name, (int) running);
    }

    private void writeMemberships(long userId, String name) throws SQLException {
        int drawn = random.weighted(30, 40, 20, 10);
        int count = name.equals(UserNames.ADMIN) ? Math.max(drawn, 1) : drawn;
        long[] chosen = new long[count];
        for (int i = 0; i < count; i++) {
            long groupId = i == 0 && name.equals(UserNames.ADMIN) ? STAFF_GROUP_ID : otherGroup(chosen, i);
            chosen[i] = groupId;
            rows.membership(userId, groupId);
        }
    }

    private long otherGroup(long[] chosen, int taken) {
        while (true) {
            long candidate = random.between(1, groupCount);
            if (!contains(chosen, taken, candidate)) {
                return candidate;
            }
        }
    }

    private static boolean contains(long[] values, int length, long value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private String writePersonalTokens(long userId, String name, int serverTokens) throws SQLException {
        int count = Math.min(random.weighted(45, 37, 18), Math.max(0, MAX_TOKENS - serverTokens));
        if (name.equals(UserNames.ADMIN) || name.equals(UserNames.USER)) {
            count = Math.max(count, 1);
        }
        String first = null;
        for (int i = 0; i < count; i++) {
            String token = tokens.userApiToken(userId);
            first = first == null ? token : first;
        }
        return first;
    }
}
