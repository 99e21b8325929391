package org.hubql.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.hubql.model.User;

/**
 * Group member pages and counts on SQLite, where {@code user_group_map} has no index on {@code group_id}: the
 * connection's {@link MembershipIndex} picks each page's user ids, then one statement loads those users by
 * primary key. A user deleted after the index was read simply drops out of its pages.
 */
final class IndexedMembers {
    private final String usersByIds;

    /** @param usersByIds {@code SELECT … FROM users u WHERE u.id IN (SELECT value FROM json_each(?))} */
    IndexedMembers(String usersByIds) {
        this.usersByIds = usersByIds;
    }

    /** As {@link UserQueries#membersOf}: each group's first {@code limit} members above the cursor, by user id. */
    Map<Long, List<User>> pages(Sql sql, Collection<Long> groupIds, Long afterUserId, int limit,
                                Supplier<Map<Long, List<User>>> plain) {
        long[] groups = groupIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        return pages(sql, index -> {
            Map<Long, long[]> picked = new LinkedHashMap<>();
            for (long group : groups) {
                picked.put(group, index.members(group, afterUserId, limit));
            }
            return picked;
        }, plain);
    }

    /**
     * The pages of user ids {@code picker} takes from the fresh index, loaded in one statement; missing users drop
     * out. {@code plain}'s pages when the hub writes too often for the index to pay.
     */
    Map<Long, List<User>> pages(Sql sql, Function<MembershipIndex, Map<Long, long[]>> picker,
                                Supplier<Map<Long, List<User>>> plain) {
        List<Map<Long, long[]>> picked = new ArrayList<>(1);
        Function<MembershipIndex, List<?>> params = index -> {
            picked.add(picker.apply(index));
            return List.of(JsonText.array(picked.get(0).values().stream().flatMapToLong(LongStream::of).sorted().distinct().toArray()));
        };
        // null: the index was not used, and the pages come from plain instead, outside the statement's connection
        List<User> loaded = sql.listWithIndex(IndexKind.MEMBERSHIPS, usersByIds, params, UserQueries::map, () -> null);
        if (loaded == null) {
            return plain.get();
        }
        Map<Long, User> users = new HashMap<>();
        loaded.forEach(user -> users.put(user.id(), user));
        Map<Long, List<User>> pages = new LinkedHashMap<>();
        picked.get(0).forEach((group, ids) -> {
            List<User> page = Arrays.stream(ids).mapToObj(users::get).filter(Objects::nonNull).toList();
            if (!page.isEmpty()) {
                pages.put(group, page);
            }
        });
        return pages;
    }

    /** As {@link UserQueries#memberCounts}, without a statement; or {@code plain}'s counts. */
    static Map<Long, Integer> counts(Sql sql, Collection<Long> groupIds, Supplier<Map<Long, Integer>> plain) {
        return sql.fromIndex(IndexKind.MEMBERSHIPS, index -> {
            Map<Long, Integer> counts = new HashMap<>();
            for (Long group : groupIds) {
                int count = index.count(group);
                if (count > 0) {
                    counts.put(group, count);
                }
            }
            return counts;
        }, plain);
    }
}
