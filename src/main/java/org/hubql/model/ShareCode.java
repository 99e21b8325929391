package org.hubql.model;

import java.time.Instant;
import java.util.List;

/** A row of {@code share_codes} (JupyterHub 5.0 and later), without its hash: an invitation to a shared server. */
public record ShareCode(
        long id,
        String prefix,
        Long ownerId,
        Long spawnerId,
        List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Integer exchangeCount,
        Instant lastExchangedAt)
        implements Identified {}
