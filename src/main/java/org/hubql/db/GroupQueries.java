package org.hubql.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hubql.model.Group;

/** All SQL on {@code groups} and on which groups a user belongs to. */
public final class GroupQueries {
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
        this.byMemberId = new KeyedQuery<>("SELECT m.user_id AS member_id, g.id, g.name FROM user_group_map m"
                + " JOIN " + groups + " g ON g.id = m.group_id", "m.user_id", "ORDER BY g.name, g.id",
                row -> row.id("member_id"), GroupQueries::map);
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

    /** Up to {@code limit} groups by name, after the group named {@code afterName} if given. */
    public List<Group> page(Sql sql, String afterName, int limit) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (afterName != null) {
            where = " WHERE g.name > ?";
            params.add(afterName);
        }
        params.add(limit);
        return sql.list(select + where + " ORDER BY g.name LIMIT ?", params, GroupQueries::map);
    }

    public int count(Sql sql) {
        Integer count = sql.single("SELECT COUNT(*) AS total FROM " + groups, List.of(), row -> row.intOrNull("total"));
        return count == null ? 0 : count;
    }
}
