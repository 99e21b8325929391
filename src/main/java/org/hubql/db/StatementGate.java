package org.hubql.db;

import java.sql.SQLTimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many statements may read the hub's SQLite file at once. In rollback-journal mode each running statement holds
 * a SHARED lock, and the hub's commit waits (PENDING, then EXCLUSIVE) until every one of them has finished; in either
 * journal mode every running statement competes with the hub for the CPU. So on SQLite a few statements run at a
 * time, in arrival order (a fair semaphore), and the hub waits for at most those few. A database server keeps its
 * own readers and writers apart (MVCC): there the gate is always open.
 */
abstract sealed class StatementGate {
    /**
     * Statements reading a SQLite file at once: one, the tightest bound on the hub's wait. With two, the hub may wait
     * for two reads; on the 2-core machine of {@code bench/live-hub} (shared with other builds, load average about
     * 20) the two could not be told apart in requests served or in the hub's worst commit.
     */
    static final int SQLITE_READERS = 1;

    static StatementGate forDialect(Dialect dialect) {
        return dialect == Dialect.SQLITE ? new Bounded(SQLITE_READERS) : new Open();
    }

    /** Waits for a turn for at most {@code remainingNanos}; every turn taken is given back with {@link #leave()}. */
    abstract void enter(long remainingNanos) throws SQLTimeoutException;

    abstract void leave();

    /** Turns free right now, for tests. */
    abstract int available();

    private static final class Bounded extends StatementGate {
        private final Semaphore turns;

        Bounded(int readers) {
            this.turns = new Semaphore(readers, true);
        }

        @Override
        void enter(long remainingNanos) throws SQLTimeoutException {
            try {
                if (!turns.tryAcquire(remainingNanos, TimeUnit.NANOSECONDS)) {
                    throw new SQLTimeoutException("the request's time limit was reached");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTimeoutException("interrupted while waiting to read the database", e);
            }
        }

        @Override
        void leave() {
            turns.release();
        }

        @Override
        int available() {
            return turns.availablePermits();
        }
    }

    private static final class Open extends StatementGate {
        @Override
        void enter(long remainingNanos) {
            // a database server isolates readers from writers itself
        }

        @Override
        void leave() {
            // nothing was taken
        }

        @Override
        int available() {
            return Integer.MAX_VALUE;
        }
    }
}
