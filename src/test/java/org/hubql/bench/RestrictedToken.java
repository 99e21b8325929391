package org.hubql.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.Dialect;
import org.hubql.demo.JupyterHubTokenHash;

/**
 * An API token of {@link BenchViewers}' restricted viewer, for the HTTP runs: the benchmark writes it into its own
 * demo hub (never a hub of anyone's) as JupyterHub would, a role holding {@link BenchViewers#RESTRICTED_SCOPES} granted
 * to {@code alice} and a token of hers with exactly those scopes. Each call replaces the previous call's token.
 */
final class RestrictedToken {
    private static final String ROLE = "hubql-bench-restricted";
    private static final String NOTE = "hubql bench: the restricted viewer";
    private static final long ALICE = 2;

    private RestrictedToken() {
        // non-constructable
    }

    /** Writes the role, its grant and a new token into the 5.x hub at {@code hub}; returns the token. */
    static String mint(DatabaseLocation hub) throws SQLException, JsonProcessingException {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        String scopes = new ObjectMapper().writeValueAsString(BenchViewers.RESTRICTED_SCOPES);
        try (Connection connection = connect(hub)) {
            connection.setAutoCommit(false);
            long role = role(connection, scopes);
            update(connection, "DELETE FROM user_role_map WHERE user_id = ? AND role_id = ?", ALICE, role);
            update(
                    connection,
                    "INSERT INTO user_role_map (user_id, role_id, managed_by_auth) VALUES (?, ?, ?)",
                    ALICE,
                    role,
                    false);
            update(connection, "DELETE FROM api_tokens WHERE note = ?", NOTE);
            update(
                    connection,
                    "INSERT INTO api_tokens (id, user_id, hashed, prefix, client_id, note, scopes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    nextId(connection, "api_tokens"),
                    ALICE,
                    JupyterHubTokenHash.hash(token, 1, JupyterHubTokenHash.newSalt(random)),
                    token.substring(0, 4),
                    "jupyterhub",
                    NOTE,
                    scopes);
            connection.commit();
        }
        return token;
    }

    /** The id of the bench's role, made or updated to hold {@code scopes}. */
    private static long role(Connection connection, String scopes) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM roles WHERE name = ?")) {
            find.setString(1, ROLE);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    update(connection, "UPDATE roles SET scopes = ? WHERE id = ?", scopes, id);
                    return id;
                }
            }
        }
        long id = nextId(connection, "roles");
        update(
                connection,
                "INSERT INTO roles (id, name, description, scopes, managed_by_auth) VALUES (?, ?, ?, ?, ?)",
                id,
                ROLE,
                NOTE,
                scopes,
                false);
        return id;
    }

    private static long nextId(Connection connection, String table) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
                ResultSet rs = max.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Connection connect(DatabaseLocation hub) throws SQLException {
        return DriverManager.getConnection(
                hub.dialect() == Dialect.SQLITE ? "jdbc:sqlite:" + hub.file().toAbsolutePath() : hub.jdbcUrl());
    }
}
