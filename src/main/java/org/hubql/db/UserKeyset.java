package org.hubql.db;

import org.jspecify.annotations.Nullable;

/**
 * A position in a user page: the sort value of the last row seen (a name, an {@link java.time.Instant} or null
 * for last activity, unused for id order) and its id.
 */
public record UserKeyset(@Nullable Object sortValue, long id) {}
