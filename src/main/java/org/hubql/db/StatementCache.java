package org.hubql.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How {@link Sql} gets the prepared statement for a statement text: {@link #perRun()} on the database servers, whose
 * drivers keep their own caches (pgjdbc prepares a statement on the server after a few runs of its text, whatever
 * the {@code PreparedStatement} object), or {@link #perConnection()} on SQLite, where preparing parses the text again
 * each time: statements are kept open per physical connection and reused by text. Either way the column index of a
 * text's results is read once.
 */
abstract class StatementCache {
    private static final int PER_CONNECTION = 64;

    /** The column index of each statement text's results: the same on every run and connection (the schema is read once). */
    private final Map<String, Map<String, Integer>> columnsByText = new ConcurrentHashMap<>();

    /** A statement prepared for one run, closed after it. */
    static StatementCache perRun() {
        return new StatementCache() {
            @Override
            Prepared prepare(Connection pooled, String sql) throws SQLException {
                return new Prepared(pooled.prepareStatement(sql), sql, false);
            }
        };
    }

    /** Statements kept per physical connection, for the one database that owns this cache. */
    static StatementCache perConnection() {
        return new PerConnection();
    }

    /** The statement for {@code sql} on the connection; release it with {@link Prepared#release()} after its run. */
    abstract Prepared prepare(Connection pooled, String sql) throws SQLException;

    /** A statement text prepared on a connection. */
    final class Prepared {
        final PreparedStatement statement;
        private final String sql;
        private final boolean kept;

        Prepared(PreparedStatement statement, String sql, boolean kept) {
            this.statement = statement;
            this.sql = sql;
            this.kept = kept;
        }

        /** Column labels, lower-cased, to their position in {@code results}; read from the first result of this text. */
        Map<String, Integer> columns(ResultSet results) throws SQLException {
            Map<String, Integer> columns = columnsByText.get(sql);
            if (columns == null) {
                columns = columnIndex(results.getMetaData());
                columnsByText.put(sql, columns);
            }
            return columns;
        }

        /**
         * After a failed run: sqlite-jdbc can leave a kept statement unusable ("statement is not executing") after
         * its file was damaged, even once it is whole again; closed, it is prepared anew on its next use.
         */
        void discard() {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // a statement that cannot close is not reused either: its next use prepares a new one
            }
        }

        void release() throws SQLException {
            if (!kept) {
                statement.close();
            }
        }
    }

    /**
     * Only the thread that has borrowed a connection from the pool touches its statements, so each connection's
     * statements need no lock; the map from connections to their statements is shared, and synchronized.
     */
    private static final class PerConnection extends StatementCache {
        private final Map<Connection, Map<String, Prepared>> byConnection =
                Collections.synchronizedMap(new WeakHashMap<>());

        @Override
        Prepared prepare(Connection pooled, String sql) throws SQLException {
            Connection physical = pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
            Map<String, Prepared> statements = byConnection.get(physical);
            if (statements == null) {
                forgetClosedConnections();
                statements = newLru();
                byConnection.put(physical, statements);
            }
            Prepared prepared = statements.get(sql);
            if (prepared == null || prepared.statement.isClosed()) {
                prepared = new Prepared(physical.prepareStatement(sql), sql, true);
                statements.put(sql, prepared);
            }
            return prepared;
        }

        /**
         * A connection's statements refer to it, so the weak map alone would keep every connection the pool ever
         * retired. A new connection is when the pool has replaced one: the closed ones are dropped then.
         */
        private void forgetClosedConnections() {
            synchronized (byConnection) {
                byConnection.keySet().removeIf(PerConnection::isClosed);
            }
        }

        private static boolean isClosed(Connection connection) {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return true;
            }
        }

        @Override
        int connections() {
            return byConnection.size();
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

    private static Map<String, Integer> columnIndex(ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            index.putIfAbsent(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return index;
    }

    /** Physical connections that have statements here; 0 when statements are not kept. */
    int connections() {
        return 0;
    }
}
