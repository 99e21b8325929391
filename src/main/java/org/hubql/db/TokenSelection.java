package org.hubql.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which API tokens {@code Query.apiTokens} covers, and in what order. Null conditions do not filter; {@code now} is
 * the instant {@code expired} is judged at. {@code readable} is what the viewer's {@code read:tokens} reaches.
 */
public record TokenSelection(
        @Nullable OwnerKind ownerKind,
        @Nullable String user,
        @Nullable String service,
        @Nullable String clientId,
        @Nullable Boolean expired,
        @Nullable Boolean expires,
        @Nullable Instant expiresBefore,
        @Nullable Boolean neverUsed,
        @Nullable Instant lastActivityBefore,
        @Nullable Instant createdBefore,
        @Nullable Instant createdAfter,
        @Nullable String scope,
        @Nullable String noteContains,
        Instant now,
        Visible readable,
        TokenSort sort,
        boolean descending) {

    /** Whose tokens: a user's or a service's. */
    public enum OwnerKind {
        USER,
        SERVICE
    }
}
