package org.hubql.db.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
import org.sqlite.Function;

/**
 * The in-memory indexes of one SQLite hub database: {@link ConnectionIndexes} per physical connection of its pool,
 * and the SQL function {@value #RUNNING_USER} ({@code user id → 1 if the user has a running server}) registered on
 * each, answered from that connection's {@link SpawnerIndex}.
 *
 * <p>Trace: a rebuild is one scan, recorded as upkeep ({@link IndexScope#rebuilt}), so that the number of statements
 * a query runs stays a function of the query alone, whatever the pool's state.
 *
 * <p>The map is keyed by the physical connection: the pool closes and replaces connections on its own, and their
 * indexes go with them. Its values are handed out only for the connection a question's {@link IndexScope} has
 * borrowed, so only the thread holding that connection touches them.
 */
final class SqliteIndexes implements HubIndexes {
    static final String RUNNING_USER = "hubql_running_user";

    private final Map<Connection, ConnectionIndexes> byConnection = Collections.synchronizedMap(new WeakHashMap<>());
    private final LongSupplier clock;

    SqliteIndexes(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public Lookup on(IndexScope scope) {
        return new Answers(scope);
    }

    private ConnectionIndexes of(Connection pooled) throws SQLException {
        Connection physical = pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
        ConnectionIndexes indexes = byConnection.get(physical);
        if (indexes == null) {
            forgetClosedConnections();
            ConnectionIndexes created = new ConnectionIndexes(physical, clock);
            Function.create(physical, RUNNING_USER, new RunningUser(created), 1, 0);
            byConnection.put(physical, created);
            indexes = created;
        }
        return indexes;
    }

    /**
     * A connection's indexes refer to it (through their prepared statement), so the weak map alone would keep every
     * connection the pool ever retired. A new connection is when the pool has replaced one: the closed ones go then.
     */
    private void forgetClosedConnections() {
        synchronized (byConnection) {
            byConnection.keySet().removeIf(SqliteIndexes::isClosed);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Physical connections that have indexes here. */
    int connections() {
        return byConnection.size();
    }

    /** The questions of {@link Lookup}, answered from the indexes of the scope's connection. */
    private final class Answers implements Lookup {
        private final IndexScope scope;

        Answers(IndexScope scope) {
            this.scope = scope;
        }

        private <I> Optional<I> fresh(IndexKind<I> kind) throws SQLException {
            return of(scope.connection()).fresh(kind, scope);
        }

        @Override
        public Optional<long[]> spawnerIdsOf(Collection<Long> userIds) throws SQLException {
            return fresh(IndexKind.SPAWNERS).map(index -> index.spawnerIds(userIds));
        }

        @Override
        public Optional<long[]> tokenIdsOf(Collection<Long> userIds) throws SQLException {
            return fresh(IndexKind.USER_TOKENS).map(index -> index.of(userIds));
        }

        @Override
        public Optional<long[]> tokenPage(TokenPick pick) throws SQLException {
            return fresh(IndexKind.TOKENS).flatMap(index -> index.page(pick));
        }

        @Override
        public Optional<Integer> tokenCount(TokenPick.TokenFilter filter) throws SQLException {
            return fresh(IndexKind.TOKENS).flatMap(index -> index.count(filter));
        }

        @Override
        public Optional<long[]> spawnerPage(SpawnerPick pick) throws SQLException {
            return fresh(IndexKind.SPAWNER_LIST).flatMap(index -> index.page(pick));
        }

        @Override
        public Optional<Integer> spawnerCount(SpawnerPick.SpawnerFilter filter) throws SQLException {
            return fresh(IndexKind.SPAWNER_LIST).flatMap(index -> index.count(filter));
        }

        @Override
        public Optional<Map<Long, long[]>> memberPages(Collection<Long> groupIds, IdRange range) throws SQLException {
            return fresh(IndexKind.MEMBERSHIPS).map(index -> index.pages(groupIds, range));
        }

        @Override
        public Optional<Map<Long, Integer>> memberCounts(Collection<Long> groupIds) throws SQLException {
            return fresh(IndexKind.MEMBERSHIPS).map(index -> index.counts(groupIds));
        }

        @Override
        public Optional<long[]> runningUserIds() throws SQLException {
            return fresh(IndexKind.SPAWNERS).map(SpawnerIndex::runningUserIds);
        }

        @Override
        public Optional<String> runningUserFunction() throws SQLException {
            return fresh(IndexKind.SPAWNERS).map(index -> RUNNING_USER);
        }
    }

    /** Runs on the thread of the statement that calls it, which holds the connection. */
    private static final class RunningUser extends Function {
        private final ConnectionIndexes indexes;

        RunningUser(ConnectionIndexes indexes) {
            this.indexes = indexes;
        }

        @Override
        protected void xFunc() throws SQLException {
            Optional<SpawnerIndex> index = indexes.spawners();
            if (index.isEmpty()) {
                error(RUNNING_USER + " used without a fresh spawner index");
                return;
            }
            result(index.get().running(value_long(0)) ? 1 : 0);
        }
    }
}
