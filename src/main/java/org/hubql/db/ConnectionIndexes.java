package org.hubql.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.sqlite.Function;

/**
 * The in-memory indexes ({@link IndexKind}) of each physical SQLite connection, and the SQL function
 * {@value #RUNNING_USER} ({@code user id → 1 if the user has a running server}) that answers from the
 * {@link SpawnerIndex}. Each kind is built the first time a statement on the connection needs it.
 *
 * <p>Freshness: before every statement that uses an index, {@code PRAGMA data_version} runs on the same
 * connection. SQLite changes that value whenever another connection or process has committed since the last
 * call on this connection (hubql itself never writes), so an index is rebuilt exactly when the hub has written
 * since that index was built, and only when a statement needs that kind. The version is read before the
 * rebuild, so it can only understate how fresh an index is: a statement never uses an index older than the
 * last commit before its check.
 *
 * <p>Trace: the check runs before every such statement, reads only the database header and is not recorded.
 * A rebuild is one scan, recorded as upkeep (listed when the trace keeps statements, never counted), so that
 * {@link SqlTrace#count()} stays a function of the query alone, whatever the pool's state.
 *
 * <p>As in {@link StatementCache}, only the thread that has borrowed a connection touches its slot, and the
 * function runs on that thread, inside the statement. Slots do not refer to their connection: the key stays weak.
 */
final class ConnectionIndexes {
    static final String RUNNING_USER = "hubql_running_user";
    private static final String DATA_VERSION = "PRAGMA data_version";
    private static final Map<Connection, Slot> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private ConnectionIndexes() {
        // non-constructable
    }

    /**
     * The index of this kind on the physical connection behind {@code pooled}, rebuilt first if the hub has changed;
     * null when the hub writes faster than rebuilding pays (see {@link Kept}), and the caller's plain SQL runs.
     */
    static <I> I fresh(Sql sql, Connection pooled, IndexKind<I> kind) throws SQLException {
        Slot slot = slot(pooled);
        long[] version = new long[1];
        sql.forEachRow(pooled, DATA_VERSION, List.of(), row -> version[0] = row.id("data_version"));
        Kept kept = slot.kept.computeIfAbsent(kind, k -> new Kept());
        if (kept.index != null && kept.dataVersion == version[0]) {
            kept.uses++;
            return read(kept, kind);
        }
        kept.index = null;
        long now = System.nanoTime();
        if (!kept.mayRebuild(now)) {
            return null;
        }
        List<I> read = new ArrayList<>(1);
        sql.forEachRow(pooled, kind.select, List.of(), row -> read.add(kind.reader.map(row)));
        kept.rebuilt(read.get(0), version[0], now);
        sql.trace().recordUpkeep(kind.select, kind.size.applyAsInt(read.get(0)), System.nanoTime() - now);
        return read(kept, kind);
    }

    private static Slot slot(Connection pooled) throws SQLException {
        Connection physical = pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
        Slot slot = BY_CONNECTION.get(physical);
        if (slot == null) {
            slot = new Slot();
            Function.create(physical, RUNNING_USER, new RunningUser(slot), 1, 0);
            BY_CONNECTION.put(physical, slot);
        }
        return slot;
    }

    @SuppressWarnings("unchecked")
    private static <I> I read(Kept kept, IndexKind<I> kind) {
        return (I) kept.index;
    }

    private static final class Slot {
        final Map<IndexKind<?>, Kept> kept = new IdentityHashMap<>(4);

        SpawnerIndex spawners() {
            Kept spawners = kept.get(IndexKind.SPAWNERS);
            return spawners == null ? null : read(spawners, IndexKind.SPAWNERS);
        }
    }

    /**
     * One index of a connection, and when it may be rebuilt. An index that served at least {@value #PAID_OFF} statements
     * before the hub wrote again is rebuilt at once when it is stale. One that served fewer was wasted work (a hub
     * committing every few milliseconds, as JupyterHub does under heavy activity): the next rebuild then waits, one
     * second and doubling up to a minute, and meanwhile statements run their plain SQL, as on the other engines.
     */
    private static final class Kept {
        static final int PAID_OFF = 2;
        static final long FIRST_WAIT_NANOS = 1_000_000_000L;
        static final long LONGEST_WAIT_NANOS = 60_000_000_000L;
        Object index;
        long dataVersion;
        long builtAt;
        long uses;
        long waitNanos;
        boolean built;

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

    private static final class RunningUser extends Function {
        private final Slot slot;

        RunningUser(Slot slot) {
            this.slot = slot;
        }

        @Override
        protected void xFunc() throws SQLException {
            SpawnerIndex index = slot.spawners();
            if (index == null) {
                error(RUNNING_USER + " used without a fresh spawner index");
                return;
            }
            result(index.running(value_long(0)) ? 1 : 0);
        }
    }
}
