package org.hubql.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which spawners {@code Query.spawners} covers, and in what order. Null conditions do not filter. {@code listable}
 * is what the viewer's {@code list:users} reaches (by owner), {@code readable} what its {@code read:servers} does.
 */
public record SpawnerSelection(
        @Nullable Boolean active,
        @Nullable Boolean named,
        @Nullable String name,
        @Nullable String user,
        @Nullable String group,
        @Nullable Instant lastActivityBefore,
        @Nullable Instant lastActivityAfter,
        @Nullable Instant startedBefore,
        @Nullable Instant startedAfter,
        Visible listable,
        Visible readable,
        SpawnerSort sort,
        boolean descending) {}
