package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which users each group has, as read from {@code user_group_map} in one statement: what a hub without an index
 * on {@code user_group_map.group_id} would otherwise scan for on every member page or count. Immutable. Each
 * membership is one packed {@code group_id << 32 | user_id} ({@link PackedIds}), about 1 MB per pooled connection
 * for 100,000 memberships.
 *
 * <p>Memberships whose user row is missing are kept apart: a member page joins {@code users} and skips them, a
 * member count, like {@code COUNT(*)} on the map, includes them.
 */
final class MembershipIndex {
    private static final String PACKED = PackedIds.packed("m.group_id", "m.user_id");

    /** Every membership packed in one comma-separated text, negated bitwise ({@code ~}) when its user is missing. */
    static final String SELECT = "SELECT group_concat(CASE WHEN u.id IS NULL THEN ~(" + PACKED + ") ELSE " + PACKED
            + " END) AS packed, " + PackedIds.beyond("m.group_id", "m.user_id")
            + " FROM user_group_map m LEFT JOIN users u ON u.id = m.user_id";

    private static final long[] NONE = new long[0];

    private final long[] members;
    private final long[] orphans;

    private MembershipIndex(long[] members, long[] orphans) {
        this.members = members;
        this.orphans = orphans;
    }

    /** Reads the one row of {@link #SELECT}. */
    static MembershipIndex read(@Nullable String packed, long beyond) throws SQLException {
        PackedIds.checkBounds(beyond, "group memberships");
        PackedIds.Builder members = new PackedIds.Builder(1024);
        PackedIds.Builder orphans = new PackedIds.Builder(16);
        PackedIds.forEach(packed, value -> {
            if (value >= 0) {
                members.add(value);
            } else {
                orphans.add(~value);
            }
        });
        return new MembershipIndex(members.sorted(), orphans.sorted());
    }

    /** Each group's page ({@link #members}), for groups given in any order; a group with no member has an empty page. */
    Map<Long, long[]> pages(Collection<Long> groupIds, IdRange range) {
        Map<Long, long[]> pages = new LinkedHashMap<>();
        for (long group :
                groupIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray()) {
            pages.put(group, members(group, range));
        }
        return pages;
    }

    /** The ids of the group's members within {@code range}, in its direction. */
    long[] members(long groupId, IdRange range) {
        long lowest = Math.max(0, range.lowest());
        long highest = Math.min(PackedIds.LOW_32, range.highest());
        if (!PackedIds.fitsHigh(groupId) || range.limit() <= 0 || lowest > highest) {
            return NONE;
        }
        int start = PackedIds.firstAtLeast(members, groupId << 32 | lowest);
        int end = PackedIds.firstAbove(members, groupId << 32 | highest);
        int count = Math.max(0, Math.min(end - start, range.limit()));
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = members[range.descending() ? end - 1 - i : start + i] & PackedIds.LOW_32;
        }
        return ids;
    }

    /** How many rows of {@code user_group_map} name each group, whether or not their user exists; groups with none are absent. */
    Map<Long, Integer> counts(Collection<Long> groupIds) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Long group : groupIds) {
            int count = count(group);
            if (count > 0) {
                counts.put(group, count);
            }
        }
        return counts;
    }

    int count(long groupId) {
        if (!PackedIds.fitsHigh(groupId)) {
            return 0;
        }
        return rangeSize(members, groupId) + rangeSize(orphans, groupId);
    }

    int size() {
        return members.length + orphans.length;
    }

    private static int rangeSize(long[] packed, long groupId) {
        return PackedIds.rangeEnd(packed, groupId) - PackedIds.rangeStart(packed, groupId);
    }
}
