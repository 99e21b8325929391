package org.hubql.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubql.scopes.Directory;
import org.hubql.scopes.IdSet;
import org.hubql.scopes.ScopeOwner;
import org.jspecify.annotations.Nullable;

/**
 * What the authenticator reads to compute a token's scopes (JupyterHub 2.0+): the raw scopes of roles held by a
 * user (directly or through its groups), a service or a token, the shares granted to a user, the server or
 * service behind an OAuth client, and the row ids behind the names scope filters use.
 */
public final class ScopeQueries {
    private final boolean roles;
    private final boolean tokenRoles;
    private final boolean shares;
    private final String groups;
    private final boolean spawnerClients;
    private final boolean serviceClients;

    public ScopeQueries(HubSchema schema) {
        this.roles = schema.hasTable("roles") && schema.hasTable("user_role_map");
        this.tokenRoles = schema.hasTable("api_token_role_map");
        this.shares = schema.hasTable("shares");
        this.groups = schema.table("groups");
        this.spawnerClients = schema.has("spawners", "oauth_client_id");
        this.serviceClients = schema.has("services", "oauth_client_id");
    }

    /** Whether this hub has roles (JupyterHub 2.0 and later), so that scopes decide what a token may read. */
    public boolean hasRoles() {
        return roles;
    }

    /** Every raw scope of the user's roles, its own and its groups'. */
    public List<String> userRoleScopes(Sql sql, long userId) {
        return scopes(
                sql,
                "SELECT r.scopes FROM roles r JOIN user_role_map m ON m.role_id = r.id WHERE m.user_id = ?"
                        + " UNION ALL SELECT r.scopes FROM roles r JOIN group_role_map g ON g.role_id = r.id"
                        + " JOIN user_group_map ug ON ug.group_id = g.group_id WHERE ug.user_id = ?",
                List.of(userId, userId));
    }

    public List<String> serviceRoleScopes(Sql sql, long serviceId) {
        return scopes(
                sql,
                "SELECT r.scopes FROM roles r JOIN service_role_map m ON m.role_id = r.id WHERE m.service_id = ?",
                List.of(serviceId));
    }

    /** A token's scopes on JupyterHub 2.x, which gave tokens roles rather than scopes; empty elsewhere. */
    public List<String> tokenRoleScopes(Sql sql, long tokenId) {
        if (!tokenRoles) {
            return List.of();
        }
        return scopes(
                sql,
                "SELECT r.scopes FROM roles r JOIN api_token_role_map m ON m.role_id = r.id WHERE m.api_token_id = ?",
                List.of(tokenId));
    }

    /** The scopes of the unexpired shares granted to the user or to one of its groups (5.0+). */
    public List<String> shareScopes(Sql sql, long userId, Instant now) {
        if (!shares) {
            return List.of();
        }
        return scopes(
                sql,
                "SELECT s.scopes FROM shares s WHERE (s.user_id = ? OR s.group_id IN"
                        + " (SELECT ug.group_id FROM user_group_map ug WHERE ug.user_id = ?)) AND (s.expires_at IS NULL OR s.expires_at > ?)",
                List.of(userId, userId, now));
    }

    /** The server or service whose OAuth client issued a token; {@code None} for the hub's own tokens. */
    public ScopeOwner.Client clientOf(Sql sql, @Nullable String clientId) {
        if (clientId == null || clientId.equals("jupyterhub")) {
            return new ScopeOwner.Client.None();
        }
        if (spawnerClients) {
            String server = sql.single(
                    "SELECT u.name AS user_name, s.name AS server_name FROM spawners s"
                            + " JOIN users u ON u.id = s.user_id WHERE s.oauth_client_id = ?",
                    List.of(clientId),
                    row -> row.text("user_name") + "/" + nullToEmpty(row.text("server_name")));
            if (server != null) {
                return new ScopeOwner.Client.OfServer(server);
            }
        }
        if (serviceClients) {
            String service = sql.single(
                    "SELECT c.name FROM services c WHERE c.oauth_client_id = ?",
                    List.of(clientId),
                    row -> row.text("name"));
            if (service != null) {
                return new ScopeOwner.Client.OfService(service);
            }
        }
        return new ScopeOwner.Client.None();
    }

    /** The names of scope filters, looked up with {@code sql}. */
    public Directory directory(Sql sql) {
        return new SqlDirectory(sql);
    }

    private static List<String> scopes(Sql sql, String statement, List<?> params) {
        List<String> all = new ArrayList<>();
        sql.list(statement, params, row -> {
            List<String> scopes = row.stringList("scopes");
            return scopes == null ? null : all.addAll(scopes);
        });
        return all;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private final class SqlDirectory implements Directory {
        private final Sql sql;

        SqlDirectory(Sql sql) {
            this.sql = sql;
        }

        @Override
        public Map<String, Long> userIds(Set<String> names) {
            return idsByName("SELECT u.id, u.name FROM users u", "u.name", names);
        }

        @Override
        public Map<String, Long> groupIds(Set<String> names) {
            return idsByName("SELECT g.id, g.name FROM " + groups + " g", "g.name", names);
        }

        @Override
        public Map<String, Long> serviceIds(Set<String> names) {
            return idsByName("SELECT c.id, c.name FROM services c", "c.name", names);
        }

        @Override
        public Map<Long, IdSet> membersOf(Set<Long> groupIds) {
            Map<Long, List<Long>> members = new KeyedQuery<Long, Long>(
                            "SELECT m.group_id, m.user_id FROM user_group_map m",
                            "m.group_id",
                            "",
                            row -> row.id("group_id"),
                            row -> row.id("user_id"))
                    .grouped(sql, groupIds);
            Map<Long, IdSet> sets = new HashMap<>();
            members.forEach((group, users) -> sets.put(group, IdSet.of(users)));
            return sets;
        }

        @Override
        public Map<String, Long> spawnerIds(Set<String> servers) {
            Set<String> userNames = new java.util.HashSet<>();
            servers.forEach(server -> userNames.add(server.substring(0, Math.max(0, server.indexOf('/')))));
            Map<String, Long> users = userIds(userNames);
            Map<Long, String> namesById = new HashMap<>();
            users.forEach((name, id) -> namesById.put(id, name));
            Map<String, Long> spawners = new HashMap<>();
            if (users.isEmpty()) {
                return spawners;
            }
            SqlFragment in = sql.dialect().in("s.user_id", users.values());
            sql.list("SELECT s.id, s.user_id, s.name FROM spawners s WHERE " + in.text(), in.params(), row -> {
                String server = namesById.get(row.id("user_id")) + "/" + nullToEmpty(row.text("name"));
                return servers.contains(server) ? spawners.put(server, row.id("id")) : null;
            });
            return spawners;
        }

        @Override
        public Set<String> groupsOf(String userName) {
            return Set.copyOf(sql.list(
                    "SELECT g.name FROM " + groups + " g JOIN user_group_map m ON m.group_id = g.id"
                            + " JOIN users u ON u.id = m.user_id WHERE u.name = ?",
                    List.of(userName),
                    row -> row.text("name")));
        }

        private Map<String, Long> idsByName(String select, String nameColumn, Collection<String> names) {
            Map<String, Long> ids = new HashMap<>();
            new KeyedQuery<String, Long>(select, nameColumn, "", row -> row.text("name"), row -> row.id("id"))
                    .unique(sql, names)
                    .forEach(ids::put);
            return ids;
        }
    }
}
