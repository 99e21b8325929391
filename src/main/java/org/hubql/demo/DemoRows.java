package org.hubql.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The insert side of the 0.8.1 schema: one typed method per table. Rows that others point at get their ids here,
 * in insertion order starting at 1; the rest take SQLite's rowid.
 */
final class DemoRows implements AutoCloseable {
    private final BatchedInsert users;
    private final BatchedInsert servers;
    private final BatchedInsert spawners;
    private final BatchedInsert groups;
    private final BatchedInsert memberships;
    private final BatchedInsert services;
    private final BatchedInsert apiTokens;
    private final BatchedInsert oauthClients;
    private final BatchedInsert oauthAccessTokens;
    private final BatchedInsert oauthCodes;
    private final List<BatchedInsert> all;
    private long lastServerId;
    private long lastSpawnerId;
    private long lastServiceId;

    DemoRows(Connection connection) throws SQLException {
        users = new BatchedInsert(
                connection,
                "users",
                "id",
                "name",
                "admin",
                "last_activity",
                "cookie_id",
                "state",
                "encrypted_auth_state");
        servers = new BatchedInsert(connection, "servers", "id", "proto", "ip", "port", "base_url", "cookie_name");
        spawners = new BatchedInsert(
                connection, "spawners", "id", "user_id", "server_id", "state", "name", "last_activity");
        groups = new BatchedInsert(connection, "groups", "id", "name");
        memberships = new BatchedInsert(connection, "user_group_map", "user_id", "group_id");
        services = new BatchedInsert(connection, "services", "id", "name", "admin", "_server_id", "pid");
        apiTokens = new BatchedInsert(connection, "api_tokens", "hashed", "prefix", "user_id", "service_id");
        oauthClients = new BatchedInsert(connection, "oauth_clients", "identifier", "secret", "redirect_uri");
        oauthAccessTokens = new BatchedInsert(
                connection,
                "oauth_access_tokens",
                "client_id",
                "grant_type",
                "expires_at",
                "refresh_token",
                "refresh_expires_at",
                "user_id",
                "hashed",
                "prefix");
        oauthCodes = new BatchedInsert(
                connection, "oauth_codes", "client_id", "code", "expires_at", "redirect_uri", "user_id");
        all = List.of(
                users,
                servers,
                spawners,
                groups,
                memberships,
                services,
                apiTokens,
                oauthClients,
                oauthAccessTokens,
                oauthCodes);
    }

    void user(
            long id,
            String name,
            boolean admin,
            String lastActivity,
            String cookieId,
            String state,
            byte[] encryptedAuthState)
            throws SQLException {
        users.add(id, name, admin ? 1 : 0, lastActivity, cookieId, state, encryptedAuthState);
    }

    long server(int port, String baseUrl, String cookieName) throws SQLException {
        servers.add(++lastServerId, "http", "127.0.0.1", port, baseUrl, cookieName);
        return lastServerId;
    }

    long lastServerId() {
        return lastServerId;
    }

    long spawner(long userId, Long serverId, String state, String name, String lastActivity) throws SQLException {
        spawners.add(++lastSpawnerId, userId, serverId, state, name, lastActivity);
        return lastSpawnerId;
    }

    void group(long id, String name) throws SQLException {
        groups.add(id, name);
    }

    void membership(long userId, long groupId) throws SQLException {
        memberships.add(userId, groupId);
    }

    long service(String name, boolean admin, Long serverId, Integer pid) throws SQLException {
        services.add(++lastServiceId, name, admin ? 1 : 0, serverId, pid);
        return lastServiceId;
    }

    void apiToken(String hashed, String prefix, Long userId, Long serviceId) throws SQLException {
        apiTokens.add(hashed, prefix, userId, serviceId);
    }

    void oauthClient(String identifier, String secret, String redirectUri) throws SQLException {
        oauthClients.add(identifier, secret, redirectUri);
    }

    void oauthAccessToken(String clientId, String refreshToken, long userId, String hashed, String prefix)
            throws SQLException {
        oauthAccessTokens.add(clientId, "authorization_code", null, refreshToken, null, userId, hashed, prefix);
    }

    void oauthCode(String clientId, String code, long expiresAt, String redirectUri, long userId) throws SQLException {
        oauthCodes.add(clientId, code, expiresAt, redirectUri, userId);
    }

    /** Sends every pending row to SQLite. */
    void flush() throws SQLException {
        for (BatchedInsert insert : all) {
            insert.flush();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (BatchedInsert insert : all) {
            try {
                insert.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
