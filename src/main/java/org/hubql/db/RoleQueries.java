package org.hubql.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hubql.model.Group;
import org.hubql.model.Role;
import org.hubql.model.Service;
import org.hubql.model.User;

/**
 * All SQL on {@code roles} and the role maps. Hubs before 2.0 have no roles: every query answers empty without
 * touching the database.
 */
public final class RoleQueries {
    private final boolean present;
    private final String select;
    private final KeyedQuery<Long, Role> byId;
    private final KeyedQuery<Long, Role> byUserId;
    private final KeyedQuery<Long, Role> byGroupId;
    private final KeyedQuery<Long, Role> byServiceId;
    private final KeyedQuery<Long, User> usersByRoleId;
    private final KeyedQuery<Long, Group> groupsByRoleId;
    private final KeyedQuery<Long, Service> servicesByRoleId;

    public RoleQueries(HubSchema schema) {
        this.present = schema.hasTable("roles");
        String columns = schema.select("r", "roles", "id", "name", "description", "scopes");
        this.select = "SELECT " + columns + " FROM roles r";
        this.byId = new KeyedQuery<>(select, "r.id", "", row -> row.id("id"), RoleQueries::map);
        this.byUserId = holders("user_role_map", "user_id", columns);
        this.byGroupId = holders("group_role_map", "group_id", columns);
        this.byServiceId = holders("service_role_map", "service_id", columns);
        this.usersByRoleId = new KeyedQuery<>(
                "SELECT m.role_id AS role_key, "
                        + schema.select("u", "users", "id", "name", "admin", "created", "last_activity")
                        + " FROM user_role_map m JOIN users u ON u.id = m.user_id",
                "m.role_id",
                "ORDER BY u.id",
                row -> row.id("role_key"),
                UserQueries::map);
        this.groupsByRoleId = new KeyedQuery<>(
                "SELECT m.role_id AS role_key, g.id, g.name FROM group_role_map m JOIN " + schema.table("groups")
                        + " g ON g.id = m.group_id",
                "m.role_id",
                "ORDER BY g.name",
                row -> row.id("role_key"),
                GroupQueries::map);
        this.servicesByRoleId = new KeyedQuery<>(
                "SELECT m.role_id AS role_key, "
                        + schema.select("c", "services", "id", "name", "admin", "pid", "url", "_server_id")
                        + " FROM service_role_map m JOIN services c ON c.id = m.service_id",
                "m.role_id",
                "ORDER BY c.name",
                row -> row.id("role_key"),
                ServiceQueries::map);
    }

    private static KeyedQuery<Long, Role> holders(String mapTable, String holderColumn, String columns) {
        return new KeyedQuery<>(
                "SELECT m." + holderColumn + " AS holder_key, " + columns + " FROM " + mapTable
                        + " m JOIN roles r ON r.id = m.role_id",
                "m." + holderColumn,
                "ORDER BY r.name",
                row -> row.id("holder_key"),
                RoleQueries::map);
    }

    static Role map(Row row) throws SQLException {
        List<String> scopes = row.stringList("scopes");
        return new Role(row.id("id"), row.text("name"), row.text("description"), scopes == null ? List.of() : scopes);
    }

    /** Every role, by name; empty before 2.0. */
    public List<Role> all(Sql sql) {
        return present ? sql.list(select + " ORDER BY r.name", List.of(), RoleQueries::map) : List.of();
    }

    public Map<Long, Role> byIds(Sql sql, Collection<Long> ids) {
        return present ? byId.unique(sql, ids) : Map.of();
    }

    public Map<Long, List<Role>> byUserIds(Sql sql, Collection<Long> ids) {
        return present ? byUserId.grouped(sql, ids) : Map.of();
    }

    public Map<Long, List<Role>> byGroupIds(Sql sql, Collection<Long> ids) {
        return present ? byGroupId.grouped(sql, ids) : Map.of();
    }

    public Map<Long, List<Role>> byServiceIds(Sql sql, Collection<Long> ids) {
        return present ? byServiceId.grouped(sql, ids) : Map.of();
    }

    public Map<Long, List<User>> usersOf(Sql sql, Collection<Long> roleIds) {
        return present ? usersByRoleId.grouped(sql, roleIds) : Map.of();
    }

    public Map<Long, List<Group>> groupsOf(Sql sql, Collection<Long> roleIds) {
        return present ? groupsByRoleId.grouped(sql, roleIds) : Map.of();
    }

    public Map<Long, List<Service>> servicesOf(Sql sql, Collection<Long> roleIds) {
        return present ? servicesByRoleId.grouped(sql, roleIds) : Map.of();
    }
}
