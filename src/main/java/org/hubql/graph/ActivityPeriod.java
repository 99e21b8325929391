package org.hubql.graph;

import java.time.Duration;
import java.time.Instant;

/** The periods of JupyterHub's {@code jupyterhub_active_users} metric ({@code ActiveUserPeriods}: 24h, 7d, 30d). */
enum ActivityPeriod {
    DAY(Duration.ofHours(24)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30));

    private final Duration length;

    ActivityPeriod(Duration length) {
        this.length = length;
    }

    /** Where the period that ends at {@code now} begins. */
    Instant start(Instant now) {
        return now.minus(length);
    }
}
