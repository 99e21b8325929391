package org.hubql.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the rows a presented token may match, the way JupyterHub does: by the token's plain-text prefix. The only
 * class that selects {@code hashed}; its rows go to the authenticator and nowhere else.
 */
public final class TokenLookupQueries {
    private static final int PREFIX_LENGTH = 4;
    /**
     * JupyterHub 0.8 matches {@code ? LIKE prefix || '%'}, so a stored prefix may be shorter than four characters:
     * every leading part of the token is a candidate prefix, and the prefix index still serves the lookup.
     */
    private static final String BY_PREFIX = " WHERE t.prefix IN (?, ?, ?, ?)";

    private final String apiTokens;
    private final String oauthTokens;
    private final boolean roles;

    public TokenLookupQueries(HubSchema schema) {
        this.apiTokens = "SELECT " + schema.select("t", "api_tokens", "hashed", "user_id", "service_id", "expires_at", "scopes")
                + " FROM api_tokens t" + BY_PREFIX;
        this.oauthTokens = schema.hasTable("oauth_access_tokens")
                ? "SELECT " + schema.select("t", "oauth_access_tokens", "hashed", "user_id", "expires_at")
                        + " FROM oauth_access_tokens t" + BY_PREFIX
                : null;
        this.roles = schema.hasTable("roles") && schema.hasTable("user_role_map");
    }

    /** A stored token that shares the presented token's prefix; it matches only if {@code hashed} does. */
    public record Candidate(String hashed, Long userId, Long serviceId, Instant expiresAt, List<String> scopes) {
    }

    public List<Candidate> candidates(Sql sql, String token) {
        List<String> prefixes = prefixes(token);
        List<Candidate> found = new ArrayList<>(sql.list(apiTokens, prefixes, row -> new Candidate(
                row.text("hashed"), row.longOrNull("user_id"), row.longOrNull("service_id"), row.dateTime("expires_at"),
                row.stringList("scopes"))));
        if (oauthTokens != null) {
            found.addAll(sql.list(oauthTokens, prefixes, row -> new Candidate(
                    row.text("hashed"), row.longOrNull("user_id"), null, row.epochSeconds("expires_at"), null)));
        }
        return found;
    }

    /** Whether this hub has roles (JupyterHub 2.0 and later), so that scopes decide what a token may read. */
    public boolean hasRoles() {
        return roles;
    }

    /** Every scope of the user's roles, direct or through their groups; empty on hubs without roles. */
    public List<String> userRoleScopes(Sql sql, long userId) {
        if (!roles) {
            return List.of();
        }
        return scopes(sql, "SELECT r.scopes FROM roles r JOIN user_role_map m ON m.role_id = r.id WHERE m.user_id = ?"
                + " UNION ALL SELECT r.scopes FROM roles r JOIN group_role_map g ON g.role_id = r.id"
                + " JOIN user_group_map ug ON ug.group_id = g.group_id WHERE ug.user_id = ?", List.of(userId, userId));
    }

    public List<String> serviceRoleScopes(Sql sql, long serviceId) {
        if (!roles) {
            return List.of();
        }
        return scopes(sql, "SELECT r.scopes FROM roles r JOIN service_role_map m ON m.role_id = r.id WHERE m.service_id = ?",
                List.of(serviceId));
    }

    private static List<String> scopes(Sql sql, String statement, List<?> params) {
        List<String> all = new ArrayList<>();
        sql.list(statement, params, row -> {
            List<String> scopes = row.stringList("scopes");
            return scopes == null ? null : all.addAll(scopes);
        });
        return all;
    }

    private static List<String> prefixes(String token) {
        List<String> prefixes = new ArrayList<>(PREFIX_LENGTH);
        for (int length = 1; length <= PREFIX_LENGTH; length++) {
            prefixes.add(token.substring(0, Math.min(length, token.length())));
        }
        return prefixes;
    }
}
