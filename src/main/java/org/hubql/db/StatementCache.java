package org.hubql.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept open per physical connection and reused by statement text, with the column index
 * of their results. Only the thread that has borrowed a connection from the pool touches its statements, so
 * each connection's cache needs no lock; the statements of a connection the pool has closed are dropped.
 */
final class StatementCache {
    private static final int PER_CONNECTION = 64;
    private static final Map<Connection, Map<String, Prepared>> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private StatementCache() {
    }

    /** A statement text prepared on a physical connection; {@code columns} is filled on its first run. */
    static final class Prepared {
        final PreparedStatement statement;
        Map<String, Integer> columns;

        Prepared(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    /** The open statement for {@code sql} on the physical connection behind the pooled {@code connection}. */
    static Prepared prepare(Connection pooled, String sql) throws SQLException {
        Connection physical = pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
        Map<String, Prepared> statements = BY_CONNECTION.get(physical);
        if (statements == null) {
            forgetClosedConnections();
            statements = newLru();
            BY_CONNECTION.put(physical, statements);
        }
        Prepared prepared = statements.get(sql);
        if (prepared == null || prepared.statement.isClosed()) {
            prepared = new Prepared(physical.prepareStatement(sql));
            statements.put(sql, prepared);
        }
        return prepared;
    }

    /**
     * A connection's statements refer to it, so the weak map alone would keep every connection the pool ever
     * retired. A new connection is when the pool has replaced one: the closed ones are dropped then.
     */
    private static void forgetClosedConnections() {
        synchronized (BY_CONNECTION) {
            BY_CONNECTION.keySet().removeIf(StatementCache::isClosed);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Physical connections that have statements here. */
    static int connections() {
        return BY_CONNECTION.size();
    }

    private static Map<String, Prepared> newLru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                try {
                    eldest.getValue().statement.close();
                } catch (SQLException ignored) {
                    // closing a statement that failed to close leaves nothing else to do
                }
                return true;
            }
        };
    }
}
