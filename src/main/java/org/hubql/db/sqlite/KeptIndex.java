package org.hubql.db.sqlite;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One index of a connection, and when it may be rebuilt. An index that served at least {@value #PAID_OFF} questions
 * before the hub wrote again is rebuilt at once when it is stale. One that served fewer was wasted work (a hub
 * committing every few milliseconds, as JupyterHub does under heavy activity): the next rebuild then waits, one
 * second and doubling up to a minute, and meanwhile the questions go unanswered and statements run their plain SQL,
 * as on the other engines. Times are nanoseconds of the clock the indexes were given.
 */
final class KeptIndex {
    static final int PAID_OFF = 2;
    static final long FIRST_WAIT_NANOS = 1_000_000_000L;
    static final long LONGEST_WAIT_NANOS = 60_000_000_000L;

    private @Nullable Object index;
    private long dataVersion;
    private long builtAt;
    private long uses;
    private long waitNanos;
    private boolean built;

    /** The index, counted as used, if it was built at this data version; else empty, and it is dropped. */
    Optional<Object> freshAt(long version) {
        if (index != null && dataVersion == version) {
            uses++;
            return Optional.of(index);
        }
        index = null;
        return Optional.empty();
    }

    /** The index as last checked fresh, unless dropped since; for the SQL function, whose statement follows the check. */
    Optional<Object> current() {
        return Optional.ofNullable(index);
    }

    boolean mayRebuild(long now) {
        return !built || now - builtAt >= waitNanos;
    }

    void rebuilt(Object fresh, long version, long now) {
        if (built) {
            waitNanos = uses >= PAID_OFF ? 0 : Math.min(LONGEST_WAIT_NANOS, Math.max(FIRST_WAIT_NANOS, 2 * waitNanos));
        }
        built = true;
        index = fresh;
        dataVersion = version;
        builtAt = now;
        uses = 1;
    }
}
