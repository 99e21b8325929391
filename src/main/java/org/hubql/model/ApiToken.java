package org.hubql.model;

import java.time.Instant;
import java.util.List;

/** A row of {@code api_tokens}, without its hash. Columns a hub lacks are null. */
public record ApiToken(
        long id,
        String prefix,
        Long userId,
        Long serviceId,
        Instant created,
        Instant lastActivity,
        Instant expiresAt,
        String note,
        List<String> scopes,
        String clientId)
        implements Identified {}
