package org.hubql.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;
import org.hubql.db.sqlite.IdRange;
import org.hubql.model.User;

/** All SQL on {@code users}, including group membership pages. Never selects cookie_id, state or auth state. */
public final class UserQueries {
    /** A group's members are paged by user id. */
    private static final KeysetOrder MEMBER_ORDER = KeysetOrder.byId("u.id", false);

    private final String columns;
    private final String byIds;
    private final KeyedQuery<Long, User> byId;
    private final KeyedQuery<String, User> byName;
    private final KeyedQuery<Long, Integer> memberCount;

    public UserQueries(HubSchema schema) {
        this.columns = schema.select("u", "users", "id", "name", "admin", "created", "last_activity");
        this.byId = new KeyedQuery<>(
                "SELECT " + columns + " FROM users u", "u.id", "", row -> row.id("id"), UserQueries::map);
        this.byName = new KeyedQuery<>(
                "SELECT " + columns + " FROM users u", "u.name", "", row -> row.text("name"), UserQueries::map);
        this.byIds = "SELECT " + columns + " FROM users u WHERE u.id IN (SELECT value FROM json_each(?))";
        this.memberCount = new KeyedQuery<>(
                "SELECT m.group_id, COUNT(*) AS members FROM user_group_map m",
                "m.group_id",
                "GROUP BY m.group_id",
                row -> row.id("group_id"),
                row -> row.intOrNull("members"));
    }

    static User map(Row row) throws SQLException {
        return new User(
                row.id("id"),
                row.text("name"),
                row.flag("admin"),
                row.dateTime("created"),
                row.dateTime("last_activity"));
    }

    public Map<Long, User> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }

    public Map<String, User> byNames(Sql sql, Collection<String> names) {
        return byName.unique(sql, names);
    }

    /**
     * The users of one page ({@link PageWindow}), in the order the page walks. On SQLite the {@code active} filter
     * asks the spawner index user by user, instead of a subquery that scans spawners.
     */
    public List<User> page(Sql sql, UserSelection selection, PageWindow window) {
        Optional<List<User>> indexed = selection.active() == null
                ? Optional.empty()
                : sql.listIndexed(
                        lookup -> lookup.runningUserFunction()
                                .map(function -> pageStatement(sql, selection, RunningUsers.calling(function), window)),
                        UserQueries::map);
        return indexed.orElseGet(
                () -> sql.list(pageStatement(sql, selection, RunningUsers.SUBQUERY, window), UserQueries::map));
    }

    private SqlFragment pageStatement(Sql sql, UserSelection selection, RunningUsers running, PageWindow window) {
        KeysetOrder order = selection.sort().order(selection.descending());
        UserWhere where = new UserWhere(sql.dialect(), selection, running);
        where.and(window.bounds(order));
        List<Object> params = new ArrayList<>(where.params());
        params.add(window.limit());
        return new SqlFragment(
                "SELECT " + columns + " FROM users u" + where.text() + " ORDER BY " + order.orderBy(window.walk())
                        + " LIMIT ?",
                params);
    }

    /** How many users match the selection. On SQLite the {@code active} filter takes the running users from the spawner index. */
    public int count(Sql sql, UserSelection selection) {
        RowMapper<Integer> total = row -> row.intOrNull("total");
        Optional<List<Integer>> indexed = selection.active() == null
                ? Optional.empty()
                : sql.listIndexed(
                        lookup -> lookup.runningUserIds()
                                .map(ids -> countStatement(sql, selection, RunningUsers.listed(ids))),
                        total);
        List<Integer> count =
                indexed.orElseGet(() -> sql.list(countStatement(sql, selection, RunningUsers.SUBQUERY), total));
        return count.isEmpty() || count.get(0) == null ? 0 : count.get(0);
    }

    private static SqlFragment countStatement(Sql sql, UserSelection selection, RunningUsers running) {
        UserWhere where = new UserWhere(sql.dialect(), selection, running);
        return new SqlFragment("SELECT COUNT(*) AS total FROM users u" + where.text(), where.params());
    }

    /**
     * For each group, one page of its members ({@link PageWindow}, ordered by user id), in the order the page walks,
     * all groups in one statement. On SQLite the membership index picks each page's user ids, and the statement
     * loads those users by primary key.
     */
    public Map<Long, List<User>> membersOf(Sql sql, Collection<Long> groupIds, PageWindow window) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return sql.fromIndexes(lookup -> lookup.memberPages(groupIds, idRange(window)))
                .map(pages -> membersByIds(sql, pages))
                .orElseGet(() -> scannedMembersOf(sql, groupIds, window));
    }

    /** The window as a range of user ids, for the membership index. */
    static IdRange idRange(PageWindow window) {
        boolean forward = window.walk() == Walk.FORWARD;
        KeysetPosition after = window.after();
        KeysetPosition before = window.before();
        return new IdRange(
                after == null ? 0 : after.id() + (forward ? 0 : 1),
                before == null ? Long.MAX_VALUE : before.id() - (forward ? 1 : 0),
                !forward,
                window.limit());
    }

    /** The users each page names, in its order; a user deleted since the page was picked drops out, an empty page is absent. */
    Map<Long, List<User>> membersByIds(Sql sql, Map<Long, long[]> pages) {
        long[] ids = pages.values().stream()
                .flatMapToLong(LongStream::of)
                .sorted()
                .distinct()
                .toArray();
        Map<Long, User> users = new HashMap<>();
        sql.list(byIds, List.of(JsonText.array(ids)), UserQueries::map).forEach(user -> users.put(user.id(), user));
        Map<Long, List<User>> members = new LinkedHashMap<>();
        pages.forEach((group, page) -> {
            List<User> found = LongStream.of(page)
                    .mapToObj(users::get)
                    .filter(Objects::nonNull)
                    .toList();
            if (!found.isEmpty()) {
                members.put(group, found);
            }
        });
        return members;
    }

    private Map<Long, List<User>> scannedMembersOf(Sql sql, Collection<Long> groupIds, PageWindow window) {
        SqlFragment in = sql.dialect().in("m.group_id", groupIds);
        List<Object> params = new ArrayList<>(in.params());
        String bounds = window.appendBounds(MEMBER_ORDER, true, params);
        params.add(window.limit());
        String statement = "SELECT * FROM (SELECT m.group_id AS member_group_id, " + columns
                + ", ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY " + MEMBER_ORDER.orderBy(window.walk())
                + ") AS member_rank FROM user_group_map m JOIN users u ON u.id = m.user_id WHERE " + in.text() + bounds
                + ") ranked WHERE member_rank <= ? ORDER BY member_group_id, member_rank";
        Map<Long, List<User>> members = new LinkedHashMap<>();
        sql.list(
                statement,
                params,
                row -> members.computeIfAbsent(row.id("member_group_id"), id -> new ArrayList<>())
                        .add(map(row)));
        return members;
    }

    /** How many rows of {@code user_group_map} name each group; groups with none are absent. On SQLite, from the membership index. */
    public Map<Long, Integer> memberCounts(Sql sql, Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return sql.fromIndexes(lookup -> lookup.memberCounts(groupIds))
                .orElseGet(() -> memberCount.unique(sql, groupIds));
    }
}
