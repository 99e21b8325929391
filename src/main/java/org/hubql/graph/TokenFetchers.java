package org.hubql.graph;

import graphql.schema.DataFetcher;
import java.util.List;
import java.util.Locale;
import org.hubql.loaders.Loaders;
import org.hubql.model.ApiToken;
import org.hubql.model.OAuthAccessToken;
import org.hubql.model.OAuthClient;
import org.hubql.model.OAuthCode;

/** The fields of the token and OAuth types that follow a relation. */
final class TokenFetchers {
    private TokenFetchers() {
        // non-constructable
    }

    static DataFetcher<?> apiTokenUser() {
        return env -> Fetch.loadOrNull(
                env, Loaders.USER_BY_ID, env.<ApiToken>getSource().userId());
    }

    static DataFetcher<?> apiTokenService() {
        return env -> Fetch.loadOrNull(
                env, Loaders.SERVICE_BY_ID, env.<ApiToken>getSource().serviceId());
    }

    static DataFetcher<?> clientAccessTokens() {
        return env -> Fetch.loadOrNull(
                        env,
                        Loaders.OAUTH_TOKENS_BY_CLIENT_ID,
                        env.<OAuthClient>getSource().identifier())
                .thenApply(tokens -> tokens == null ? List.of() : tokens);
    }

    /** JupyterHub stores {@code authorization_code}; the enum value is {@code AUTHORIZATION_CODE}. */
    static DataFetcher<?> grantType() {
        return env -> {
            String grantType = env.<OAuthAccessToken>getSource().grantType();
            return grantType == null ? null : grantType.toUpperCase(Locale.ROOT);
        };
    }

    static DataFetcher<?> accessTokenClient() {
        return env -> Fetch.loadOrNull(
                env,
                Loaders.OAUTH_CLIENT_BY_IDENTIFIER,
                env.<OAuthAccessToken>getSource().clientId());
    }

    static DataFetcher<?> accessTokenUser() {
        return env -> Fetch.loadOrNull(
                env, Loaders.USER_BY_ID, env.<OAuthAccessToken>getSource().userId());
    }

    static DataFetcher<?> codeClient() {
        return env -> Fetch.loadOrNull(
                env,
                Loaders.OAUTH_CLIENT_BY_IDENTIFIER,
                env.<OAuthCode>getSource().clientId());
    }

    static DataFetcher<?> codeUser() {
        return env -> Fetch.loadOrNull(
                env, Loaders.USER_BY_ID, env.<OAuthCode>getSource().userId());
    }
}
