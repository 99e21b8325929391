package org.hubql.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hubql.model.OAuthAccessToken;
import org.hubql.model.OAuthClient;
import org.hubql.model.OAuthCode;

/**
 * All SQL on the OAuth tables. Never selects client secrets, codes, token hashes or refresh tokens. Access tokens
 * come from {@code oauth_access_tokens} on hubs before 2.0, and from the {@code api_tokens} rows issued to an
 * OAuth client (any client but {@code jupyterhub}) on later hubs.
 */
public final class OAuthQueries {
    private final String clientSelect;
    private final KeyedQuery<Long, OAuthClient> clientById;
    private final KeyedQuery<String, OAuthClient> clientByIdentifier;
    private final KeyedQuery<Long, OAuthAccessToken> tokenById;
    private final KeyedQuery<Long, OAuthAccessToken> tokenByUserId;
    private final KeyedQuery<String, OAuthAccessToken> tokenByClientId;
    private final KeyedQuery<Long, OAuthCode> codeById;
    private final KeyedQuery<Long, OAuthCode> codeByUserId;

    public OAuthQueries(HubSchema schema) {
        this.clientSelect =
                "SELECT " + schema.select("o", "oauth_clients", "id", "identifier", "description", "redirect_uri")
                        + " FROM oauth_clients o";
        this.clientById = new KeyedQuery<>(clientSelect, "o.id", "", row -> row.id("id"), OAuthQueries::mapClient);
        this.clientByIdentifier = new KeyedQuery<>(
                clientSelect, "o.identifier", "", row -> row.text("identifier"), OAuthQueries::mapClient);

        String tokenSelect = schema.oauthTokensInApiTokens()
                ? "SELECT t.id, t.prefix, 'authorization_code' AS grant_type, t.expires_at, t.client_id, t.user_id"
                        + " FROM api_tokens t WHERE t.client_id IS NOT NULL AND t.client_id <> 'jupyterhub'"
                : "SELECT t.id, t.prefix, t.grant_type, t.expires_at, t.refresh_expires_at, t.client_id, t.user_id"
                        + " FROM oauth_access_tokens t";
        RowMapper<OAuthAccessToken> tokenMapper =
                schema.oauthTokensInApiTokens() ? OAuthQueries::mapApiTableToken : OAuthQueries::mapLegacyToken;
        this.tokenById = new KeyedQuery<>(tokenSelect, "t.id", "", row -> row.id("id"), tokenMapper);
        this.tokenByUserId =
                new KeyedQuery<>(tokenSelect, "t.user_id", "ORDER BY t.id", row -> row.id("user_id"), tokenMapper);
        this.tokenByClientId = new KeyedQuery<>(
                tokenSelect, "t.client_id", "ORDER BY t.id", row -> row.text("client_id"), tokenMapper);

        String codeSelect = "SELECT k.id, k.client_id, k.expires_at, k.redirect_uri, k.user_id FROM oauth_codes k";
        this.codeById = new KeyedQuery<>(codeSelect, "k.id", "", row -> row.id("id"), OAuthQueries::mapCode);
        this.codeByUserId = new KeyedQuery<>(
                codeSelect, "k.user_id", "ORDER BY k.id", row -> row.id("user_id"), OAuthQueries::mapCode);
    }

    private static OAuthClient mapClient(Row row) throws SQLException {
        return new OAuthClient(row.id("id"), row.text("identifier"), row.text("description"), row.text("redirect_uri"));
    }

    private static OAuthAccessToken mapLegacyToken(Row row) throws SQLException {
        return new OAuthAccessToken(
                row.id("id"),
                row.text("prefix"),
                row.text("grant_type"),
                row.epochSeconds("expires_at"),
                row.epochSeconds("refresh_expires_at"),
                row.text("client_id"),
                row.longOrNull("user_id"));
    }

    private static OAuthAccessToken mapApiTableToken(Row row) throws SQLException {
        return new OAuthAccessToken(
                row.id("id"),
                row.text("prefix"),
                row.text("grant_type"),
                row.dateTime("expires_at"),
                null,
                row.text("client_id"),
                row.longOrNull("user_id"));
    }

    private static OAuthCode mapCode(Row row) throws SQLException {
        return new OAuthCode(
                row.id("id"),
                row.text("client_id"),
                row.epochSeconds("expires_at"),
                row.text("redirect_uri"),
                row.longOrNull("user_id"));
    }

    public List<OAuthClient> allClients(Sql sql) {
        return sql.list(clientSelect + " ORDER BY o.identifier", List.of(), OAuthQueries::mapClient);
    }

    public Map<Long, OAuthClient> clientsByIds(Sql sql, Collection<Long> ids) {
        return clientById.unique(sql, ids);
    }

    public Map<String, OAuthClient> clientsByIdentifiers(Sql sql, Collection<String> identifiers) {
        return clientByIdentifier.unique(sql, identifiers);
    }

    public Map<Long, OAuthAccessToken> tokensByIds(Sql sql, Collection<Long> ids) {
        return tokenById.unique(sql, ids);
    }

    public Map<Long, List<OAuthAccessToken>> tokensByUserIds(Sql sql, Collection<Long> userIds) {
        return tokenByUserId.grouped(sql, userIds);
    }

    public Map<String, List<OAuthAccessToken>> tokensByClientIds(Sql sql, Collection<String> clientIds) {
        return tokenByClientId.grouped(sql, clientIds);
    }

    public Map<Long, OAuthCode> codesByIds(Sql sql, Collection<Long> ids) {
        return codeById.unique(sql, ids);
    }

    public Map<Long, List<OAuthCode>> codesByUserIds(Sql sql, Collection<Long> userIds) {
        return codeByUserId.grouped(sql, userIds);
    }
}
