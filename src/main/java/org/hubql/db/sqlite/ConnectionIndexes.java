package org.hubql.db.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The indexes of one physical SQLite connection, each built the first time a question on the connection needs it.
 *
 * <p>Freshness: before every question, {@code PRAGMA data_version} runs on the same connection. SQLite changes that
 * value whenever another connection or process has committed since the last call on this connection (hubql itself
 * never writes), so an index is rebuilt exactly when the hub has written since that index was built, and only when a
 * question needs that kind. The version is read before the rebuild, so it can only understate how fresh an index is:
 * an answer never comes from an index older than the last commit before its check.
 *
 * <p>Only the thread that has borrowed the connection from the pool asks questions on it ({@link SqliteIndexes}
 * hands this object out for a borrowed connection only), so it needs no lock.
 */
final class ConnectionIndexes {
    private static final String DATA_VERSION = "PRAGMA data_version";

    private final Map<IndexKind<?>, KeptIndex> kept = new IdentityHashMap<>(5);
    private final PreparedStatement dataVersion;
    private final LongSupplier clock;

    ConnectionIndexes(Connection physical, LongSupplier clock) throws SQLException {
        this.dataVersion = physical.prepareStatement(DATA_VERSION);
        this.clock = clock;
    }

    /**
     * The index of this kind, rebuilt first through {@code scope} if the hub has changed; empty when the hub writes
     * faster than rebuilding pays ({@link KeptIndex}).
     */
    <I> Optional<I> fresh(IndexKind<I> kind, IndexScope scope) throws SQLException {
        long version = dataVersion();
        KeptIndex index = kept.computeIfAbsent(kind, any -> new KeptIndex());
        Optional<Object> current = index.freshAt(version);
        if (current.isPresent()) {
            return current.map(kind::cast);
        }
        long now = clock.getAsLong();
        if (!index.mayRebuild(now)) {
            return Optional.empty();
        }
        I rebuilt = kind.read(scope.scan(kind.select));
        index.rebuilt(rebuilt, version, now);
        scope.rebuilt(kind.select, kind.size(rebuilt), clock.getAsLong() - now);
        return Optional.of(rebuilt);
    }

    /** The spawner index as last checked fresh on this connection, for the SQL function its statements call. */
    Optional<SpawnerIndex> spawners() {
        KeptIndex index = kept.get(IndexKind.SPAWNERS);
        return index == null ? Optional.empty() : index.current().map(IndexKind.SPAWNERS::cast);
    }

    private long dataVersion() throws SQLException {
        try (ResultSet row = dataVersion.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
