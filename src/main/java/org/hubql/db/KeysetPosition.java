package org.hubql.db;

import org.jspecify.annotations.Nullable;

/**
 * A row's place in a keyset order: its sort value (a {@link String}, an {@link java.time.Instant}, or null when the
 * row has none or the order is by id alone) and its id, which makes the place unique.
 */
public record KeysetPosition(@Nullable Object sortValue, long id) {}
