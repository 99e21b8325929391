package org.hubql.db;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * Which users each group has, as read from {@code user_group_map} in one statement: what a hub without an index
 * on {@code user_group_map.group_id} would otherwise scan for on every member page or count. Immutable. Each
 * membership is one {@code long} ({@code group_id << 32 | user_id}, sorted), about 1 MB per pooled connection
 * for 100,000 memberships. Ids that do not fit (group ids from 2^31, user ids from 2^32) fail the build with an
 * error rather than being misread.
 *
 * <p>Memberships whose user row is missing are kept apart: a member page joins {@code users} and skips them, a
 * member count, like {@code COUNT(*)} on the map, includes them.
 */
final class MembershipIndex {
    /** Every membership packed as above in one comma-separated text, negated bitwise ({@code ~}) when its user is missing. */
    static final String SELECT = "SELECT group_concat(CASE WHEN u.id IS NULL THEN ~((m.group_id << 32) | m.user_id)"
            + " ELSE (m.group_id << 32) | m.user_id END) AS packed,"
            + " COALESCE(SUM(m.group_id < 0 OR m.group_id > 2147483647 OR m.user_id < 0 OR m.user_id > 4294967295), 0) AS beyond"
            + " FROM user_group_map m LEFT JOIN users u ON u.id = m.user_id";

    private static final long LOW_32 = 0xFFFF_FFFFL;
    private static final long[] NONE = new long[0];

    private final long[] members;
    private final long[] orphans;

    private MembershipIndex(long[] members, long[] orphans) {
        this.members = members;
        this.orphans = orphans;
    }

    /** The ids of the group's first {@code limit} members above {@code afterUserId} (if given), ascending. */
    long[] members(long groupId, Long afterUserId, int limit) {
        if (!indexable(groupId) || limit <= 0 || (afterUserId != null && afterUserId >= LOW_32)) {
            return NONE;
        }
        long from = groupId << 32 | (afterUserId == null || afterUserId < 0 ? 0 : afterUserId + 1);
        int start = firstAtLeast(members, from);
        int end = Math.min(firstAbove(members, groupId << 32 | LOW_32), start + limit);
        long[] ids = new long[end - start];
        for (int i = start; i < end; i++) {
            ids[i - start] = members[i] & LOW_32;
        }
        return ids;
    }

    /** How many rows of {@code user_group_map} name the group, whether or not their user exists. */
    int count(long groupId) {
        if (!indexable(groupId)) {
            return 0;
        }
        return rangeSize(members, groupId) + rangeSize(orphans, groupId);
    }

    int size() {
        return members.length + orphans.length;
    }

    private static boolean indexable(long groupId) {
        return groupId >= 0 && groupId <= Integer.MAX_VALUE;
    }

    private static int rangeSize(long[] packed, long groupId) {
        return firstAbove(packed, groupId << 32 | LOW_32) - firstAtLeast(packed, groupId << 32);
    }

    private static int firstAbove(long[] packed, long value) {
        return value == Long.MAX_VALUE ? packed.length : firstAtLeast(packed, value + 1);
    }

    private static int firstAtLeast(long[] packed, long value) {
        int found = Arrays.binarySearch(packed, value);
        return found >= 0 ? found : -found - 1;
    }

    /** Reads the one row of {@link #SELECT}. */
    static MembershipIndex read(String packed, long beyond) throws SQLException {
        if (beyond > 0) {
            throw new SQLException(beyond + " group memberships have ids beyond those hubql can index");
        }
        long[] members = new long[1024];
        long[] orphans = NONE;
        int memberCount = 0;
        int orphanCount = 0;
        int length = packed == null ? 0 : packed.length();
        for (int at = 0; at < length; ) {
            int end = packed.indexOf(',', at);
            end = end < 0 ? length : end;
            long value = Long.parseLong(packed, at, end, 10);
            if (value >= 0) {
                members = memberCount == members.length ? Arrays.copyOf(members, memberCount * 2) : members;
                members[memberCount++] = value;
            } else {
                orphans = orphanCount == orphans.length ? Arrays.copyOf(orphans, Math.max(16, orphanCount * 2)) : orphans;
                orphans[orphanCount++] = ~value;
            }
            at = end + 1;
        }
        return new MembershipIndex(sorted(members, memberCount), sorted(orphans, orphanCount));
    }

    private static long[] sorted(long[] values, int count) {
        long[] kept = Arrays.copyOf(values, count);
        Arrays.sort(kept);
        return kept;
    }
}
