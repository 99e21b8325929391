package org.hubql.model;

import java.time.Instant;

/** A row of {@code users}, without its secrets (cookie id, state, encrypted auth state). */
public record User(long id, String name, boolean admin, Instant created, Instant lastActivity) implements Identified {}
