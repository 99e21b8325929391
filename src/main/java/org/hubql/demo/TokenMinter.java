package org.hubql.demo;

import java.sql.SQLException;

/** Creates tokens the way JupyterHub 0.8.1 does and stores only their prefix and salted hash. */
final class TokenMinter {
    private static final int PREFIX_LENGTH = 4;

    private final DemoRows rows;
    private final DemoRandom random;

    TokenMinter(DemoRows rows, DemoRandom random) {
        this.rows = rows;
        this.random = random;
    }

    /** A generated API token ({@code uuid4().hex}, 1 round) of a user; returns the plaintext. */
    String userApiToken(long userId) throws SQLException {
        String token = random.uuid4Hex();
        rows.apiToken(hash(token, 1), prefix(token), userId, null);
        return token;
    }

    /** A service's API token from the hub's config: user-provided, so hashed with 16384 rounds. */
    String serviceApiToken(long serviceId) throws SQLException {
        String token = random.uuid4Hex();
        rows.apiToken(hash(token, JupyterHubTokenHash.USER_PROVIDED_ROUNDS), prefix(token), null, serviceId);
        return token;
    }

    /** A python-oauth2 access token ({@code str(uuid4())}, 1 round), sometimes with a refresh token. */
    void oauthAccessToken(String clientId, long userId) throws SQLException {
        String token = random.uuid4();
        String refreshToken = random.chance(0.05) ? random.uuid4() : null;
        rows.oauthAccessToken(clientId, refreshToken, userId, hash(token, 1), prefix(token));
    }

    private String hash(String token, int rounds) {
        return JupyterHubTokenHash.hash(token, rounds, JupyterHubTokenHash.newSalt(random.source()));
    }

    private static String prefix(String token) {
        return token.substring(0, PREFIX_LENGTH);
    }
}
