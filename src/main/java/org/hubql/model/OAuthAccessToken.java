package org.hubql.model;

import java.time.Instant;

/**
 * An OAuth access token, without its hash or refresh token: a row of {@code oauth_access_tokens} (hubs before 2.0),
 * or of {@code api_tokens} with an OAuth client (2.0 on). {@code grantType} is JupyterHub's text, e.g.
 * {@code authorization_code}.
 */
public record OAuthAccessToken(
        long id,
        String prefix,
        String grantType,
        Instant expiresAt,
        Instant refreshExpiresAt,
        String clientId,
        Long userId)
        implements Identified {}
