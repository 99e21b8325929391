package org.hubql.model;

import java.time.Instant;
import java.util.List;

/** A row of {@code shares} (JupyterHub 5.0 and later): access to a server granted to a user or a group. */
public record Share(
        long id,
        Long ownerId,
        Long spawnerId,
        Long userId,
        Long groupId,
        List<String> scopes,
        Instant createdAt,
        Instant expiresAt)
        implements Identified {}
