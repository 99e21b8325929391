package org.hubql.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hubql.model.User;

/** All SQL on {@code users}, including group membership pages. Never selects cookie_id, state or auth state. */
public final class UserQueries {
    private final String columns;
    private final KeyedQuery<Long, User> byId;
    private final KeyedQuery<String, User> byName;
    private final KeyedQuery<Long, Integer> memberCount;
    private final IndexedMembers indexedMembers;

    public UserQueries(HubSchema schema) {
        this.columns = schema.select("u", "users", "id", "name", "admin", "created", "last_activity");
        this.byId = new KeyedQuery<>("SELECT " + columns + " FROM users u", "u.id", "", row -> row.id("id"), UserQueries::map);
        this.byName = new KeyedQuery<>("SELECT " + columns + " FROM users u", "u.name", "", row -> row.text("name"), UserQueries::map);
        this.indexedMembers = new IndexedMembers("SELECT " + columns + " FROM users u WHERE u.id IN (SELECT value FROM json_each(?))");
        this.memberCount = new KeyedQuery<>("SELECT m.group_id, COUNT(*) AS members FROM user_group_map m",
                "m.group_id", "GROUP BY m.group_id", row -> row.id("group_id"), row -> row.intOrNull("members"));
    }

    static User map(Row row) throws SQLException {
        return new User(row.id("id"), row.text("name"), row.flag("admin"), row.dateTime("created"), row.dateTime("last_activity"));
    }

    public Map<Long, User> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }

    public Map<String, User> byNames(Sql sql, Collection<String> names) {
        return byName.unique(sql, names);
    }

    /** Up to {@code limit} users matching the selection, after the keyset position if one is given. */
    public List<User> page(Sql sql, UserSelection selection, UserKeyset after, int limit) {
        return select(sql, indexed -> {
            UserWhere where = new UserWhere(sql.dialect(), selection, false, indexed);
            if (after != null) {
                where.after(after);
            }
            List<Object> params = new ArrayList<>(where.params());
            params.add(limit);
            return new Statement(where, "SELECT " + columns + " FROM users u" + where.text()
                    + " ORDER BY " + selection.sort().orderBy(selection.descending()) + " LIMIT ?", params);
        }, UserQueries::map);
    }

    public int count(Sql sql, UserSelection selection) {
        List<Integer> count = select(sql, indexed -> {
            UserWhere where = new UserWhere(sql.dialect(), selection, true, indexed);
            return new Statement(where, "SELECT COUNT(*) AS total FROM users u" + where.text(), where.params());
        }, row -> row.intOrNull("total"));
        return count.isEmpty() || count.get(0) == null ? 0 : count.get(0);
    }

    /**
     * A statement on users, with the spawner index on SQLite when it filters on {@code active}; its plain form is
     * written only if the index is not used.
     */
    private static <T> List<T> select(Sql sql, Function<Boolean, Statement> statement, RowMapper<T> mapper) {
        Statement indexed = statement.apply(true);
        if (!indexed.where().needsSpawnerIndex()) {
            return sql.list(indexed.text(), indexed.params(), mapper);
        }
        return sql.listWithIndex(IndexKind.SPAWNERS, indexed.text(), index -> UserWhere.withRunningUsers(indexed.params(), index),
                mapper, () -> {
                    Statement plain = statement.apply(false);
                    return sql.list(plain.text(), plain.params(), mapper);
                });
    }

    private record Statement(UserWhere where, String text, List<Object> params) {
    }

    /**
     * For each group, its first {@code limit} members with an id above {@code afterUserId} (if given), by user id,
     * all groups in one statement.
     */
    public Map<Long, List<User>> membersOf(Sql sql, Collection<Long> groupIds, Long afterUserId, int limit) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        if (sql.dialect() == Dialect.SQLITE) {
            return indexedMembers.pages(sql, groupIds, afterUserId, limit, () -> scannedMembersOf(sql, groupIds, afterUserId, limit));
        }
        return scannedMembersOf(sql, groupIds, afterUserId, limit);
    }

    private Map<Long, List<User>> scannedMembersOf(Sql sql, Collection<Long> groupIds, Long afterUserId, int limit) {
        SqlFragment in = sql.dialect().in("m.group_id", groupIds);
        List<Object> params = new ArrayList<>(in.params());
        String afterCondition = "";
        if (afterUserId != null) {
            afterCondition = " AND u.id > ?";
            params.add(afterUserId);
        }
        params.add(limit);
        String statement = "SELECT * FROM (SELECT m.group_id AS member_group_id, " + columns
                + ", ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY u.id) AS member_rank"
                + " FROM user_group_map m JOIN users u ON u.id = m.user_id WHERE " + in.text() + afterCondition
                + ") ranked WHERE member_rank <= ? ORDER BY member_group_id, member_rank";
        Map<Long, List<User>> members = new LinkedHashMap<>();
        sql.list(statement, params, row -> members.computeIfAbsent(row.id("member_group_id"), id -> new ArrayList<>()).add(map(row)));
        return members;
    }

    /** How many rows of {@code user_group_map} name each group; groups with none are absent. */
    public Map<Long, Integer> memberCounts(Sql sql, Collection<Long> groupIds) {
        if (sql.dialect() == Dialect.SQLITE && !groupIds.isEmpty()) {
            return IndexedMembers.counts(sql, groupIds, () -> memberCount.unique(sql, groupIds));
        }
        return memberCount.unique(sql, groupIds);
    }
}
