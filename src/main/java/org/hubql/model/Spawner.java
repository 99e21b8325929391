package org.hubql.model;

import java.time.Instant;

/** A row of {@code spawners}, without its state. {@code name} is {@code ""} for the default server. */
public record Spawner(
        long id, Long userId, Long serverId, String name, Instant started, Instant lastActivity, RawJson userOptions)
        implements Identified {}
