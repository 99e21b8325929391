package org.hubql.model;

import java.time.Instant;

/** A row of {@code oauth_codes}, without the code. */
public record OAuthCode(long id, String clientId, Instant expiresAt, String redirectUri, Long userId)
        implements Identified {}
