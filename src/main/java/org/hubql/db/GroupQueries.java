package org.hubql.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubql.model.Group;
import org.jspecify.annotations.Nullable;

/** All SQL on {@code groups} and on which groups a user belongs to. */
public final class GroupQueries {
    /** Groups are paged by name, which is unique; the id only completes the keyset. */
    private static final KeysetOrder ORDER = KeysetOrder.by("g.name", "g.id", false);

    private final String select;
    private final String groups;
    private final KeyedQuery<Long, Group> byId;
    private final KeyedQuery<String, Group> byName;
    private final KeyedQuery<Long, Group> byMemberId;

    public GroupQueries(HubSchema schema) {
        this.groups = schema.table("groups");
        this.select = "SELECT g.id, g.name FROM " + groups + " g";
        this.byId = new KeyedQuery<>(select, "g.id", "", row -> row.id("id"), GroupQueries::map);
        this.byName = new KeyedQuery<>(select, "g.name", "", row -> row.text("name"), GroupQueries::map);
        this.byMemberId = new KeyedQuery<>(
                "SELECT m.user_id AS member_id, g.id, g.name FROM user_group_map m" + " JOIN " + groups
                        + " g ON g.id = m.group_id",
                "m.user_id",
                "ORDER BY g.name, g.id",
                row -> row.id("member_id"),
                GroupQueries::map);
    }

    static Group map(Row row) throws SQLException {
        return new Group(row.id("id"), row.text("name"));
    }

    public Map<Long, Group> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }

    public Map<String, Group> byNames(Sql sql, Collection<String> names) {
        return byName.unique(sql, names);
    }

    /** Each user's groups, by name. */
    public Map<Long, List<Group>> byMemberIds(Sql sql, Collection<Long> userIds) {
        return byMemberId.grouped(sql, userIds);
    }

    /**
     * One page of groups by name ({@link PageWindow}), in the order the page walks; only those of {@code onlyIds}
     * unless it is null.
     */
    public List<Group> page(Sql sql, @Nullable Set<Long> onlyIds, PageWindow window) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        restrict(sql, onlyIds, conditions, params);
        for (SqlFragment bound : window.bounds(ORDER)) {
            conditions.add(bound.text());
            params.addAll(bound.params());
        }
        params.add(window.limit());
        return sql.list(
                select + where(conditions) + " ORDER BY " + ORDER.orderBy(window.walk()) + " LIMIT ?",
                params,
                GroupQueries::map);
    }

    /** How many groups there are; only those of {@code onlyIds} unless it is null. */
    public int count(Sql sql, @Nullable Set<Long> onlyIds) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        restrict(sql, onlyIds, conditions, params);
        Integer count = sql.single(
                "SELECT COUNT(*) AS total FROM " + groups + " g" + where(conditions),
                params,
                row -> row.intOrNull("total"));
        return count == null ? 0 : count;
    }

    private static void restrict(Sql sql, @Nullable Set<Long> onlyIds, List<String> conditions, List<Object> params) {
        if (onlyIds != null) {
            SqlFragment in = sql.dialect().in("g.id", onlyIds);
            conditions.add(in.text());
            params.addAll(in.params());
        }
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
