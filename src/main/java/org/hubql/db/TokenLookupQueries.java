package org.hubql.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    public TokenLookupQueries(HubSchema schema) {
        this.apiTokens = "SELECT "
                + schema.select(
                        "t", "api_tokens", "id", "hashed", "user_id", "service_id", "expires_at", "scopes", "client_id")
                + " FROM api_tokens t" + BY_PREFIX;
        this.oauthTokens = schema.hasTable("oauth_access_tokens")
                ? "SELECT " + schema.select("t", "oauth_access_tokens", "id", "hashed", "user_id", "expires_at")
                        + " FROM oauth_access_tokens t" + BY_PREFIX
                : "";
    }

    /** Where a stored token lives: {@code api_tokens}, or the {@code oauth_access_tokens} of hubs before 2.0. */
    public enum Source {
        API_TOKENS,
        OAUTH_ACCESS_TOKENS
    }

    /**
     * A stored token that shares the presented token's prefix; it matches only if {@code hashed} does.
     * {@code scopes} is null where the hub stores no scopes on tokens (before 3.0).
     */
    public record Candidate(
            Source source,
            long id,
            String hashed,
            @Nullable Long userId,
            @Nullable Long serviceId,
            @Nullable Instant expiresAt,
            @Nullable List<String> scopes,
            @Nullable String clientId) {}

    public List<Candidate> candidates(Sql sql, String token) {
        List<String> prefixes = prefixes(token);
        List<Candidate> found = new ArrayList<>(sql.list(
                apiTokens,
                prefixes,
                row -> new Candidate(
                        Source.API_TOKENS,
                        row.id("id"),
                        row.text("hashed"),
                        row.longOrNull("user_id"),
                        row.longOrNull("service_id"),
                        row.dateTime("expires_at"),
                        row.stringList("scopes"),
                        row.text("client_id"))));
        if (!oauthTokens.isEmpty()) {
            found.addAll(sql.list(
                    oauthTokens,
                    prefixes,
                    row -> new Candidate(
                            Source.OAUTH_ACCESS_TOKENS,
                            row.id("id"),
                            row.text("hashed"),
                            row.longOrNull("user_id"),
                            null,
                            row.epochSeconds("expires_at"),
                            null,
                            null)));
        }
        return found;
    }

    private static List<String> prefixes(String token) {
        List<String> prefixes = new ArrayList<>(PREFIX_LENGTH);
        for (int length = 1; length <= PREFIX_LENGTH; length++) {
            prefixes.add(token.substring(0, Math.min(length, token.length())));
        }
        return prefixes;
    }
}
