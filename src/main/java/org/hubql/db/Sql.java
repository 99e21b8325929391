package org.hubql.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the read statements of one request. Each statement borrows a pooled connection in auto-commit mode and
 * returns it at once, so no read transaction outlives a statement and a hub writing to the same database is
 * never kept waiting for more than one statement. Past the request's deadline a running statement is cancelled.
 */
public final class Sql {
    private final Database database;
    private final SqlTrace trace;
    private final long deadlineNanos;

    Sql(Database database, SqlTrace trace, long deadlineNanos) {
        this.database = database;
        this.trace = trace;
        this.deadlineNanos = deadlineNanos;
    }

    public Dialect dialect() {
        return database.dialect();
    }

    public SqlTrace trace() {
        return trace;
    }

    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        return list(sql, connection -> params, mapper);
    }

    /**
     * {@link #list} for a statement that depends on an index kept per connection (SQLite only): that index of the
     * borrowed connection is brought up to date on that connection first, and the parameters may be taken from it.
     * When the hub writes too often for the index to pay ({@link ConnectionIndexes}), {@code plain} runs instead.
     */
    <I, T> List<T> listWithIndex(IndexKind<I> kind, String sql, Function<I, List<?>> params, RowMapper<T> mapper,
                                 Supplier<List<T>> plain) {
        List<T> rows = list(sql, connection -> {
            I index = ConnectionIndexes.fresh(this, connection, kind);
            return index == null ? null : params.apply(index);
        }, mapper);
        return rows != null ? rows : plain.get();
    }

    /**
     * An answer taken from an index kept per connection alone (SQLite only): no statement runs but the index's
     * freshness check and, if the hub has changed, its rebuild, so nothing is counted; or {@code plain}'s, when the
     * hub writes too often for the index to pay.
     */
    <I, R> R fromIndex(IndexKind<I> kind, Function<I, R> answer, Supplier<R> plain) {
        if (remainingNanos() <= 0) {
            throw new DataAccessException("the request's time limit was reached", null, true);
        }
        try (Connection connection = database.dataSource().getConnection()) {
            I index = ConnectionIndexes.fresh(this, connection, kind);
            if (index != null) {
                return answer.apply(index);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return plain.get();
    }

    /** Runs {@code sql} on a borrowed connection; null, with nothing run, when {@code params} gives none for it. */
    private <T> List<T> list(String sql, Parameters params, RowMapper<T> mapper) {
        long started = System.nanoTime();
        if (remainingNanos() <= 0) {
            throw new DataAccessException("the request's time limit was reached", null, true);
        }
        try (Connection connection = database.dataSource().getConnection()) {
            long upkeepStarted = System.nanoTime();
            List<?> values = params.on(connection);
            if (values == null) {
                return null;
            }
            started += System.nanoTime() - upkeepStarted;
            List<T> rows = new ArrayList<>();
            forEachRow(connection, sql, values, row -> rows.add(mapper.map(row)));
            trace.record(sql, rows.size(), System.nanoTime() - started);
            return rows;
        } catch (SQLException e) {
            trace.record(sql, 0, System.nanoTime() - started);
            throw failure(e);
        }
    }

    private DataAccessException failure(SQLException e) {
        boolean timedOut = deadlineNanos != 0 && System.nanoTime() >= deadlineNanos;
        String message = timedOut ? "the request's time limit was reached" : "a database read failed";
        return new DataAccessException(message, e, timedOut);
    }

    /** Runs one statement on a connection the caller has borrowed, cancelled at the request's deadline. */
    void forEachRow(Connection connection, String sql, List<?> params, RowMapper<?> action) throws SQLException {
        long remaining = remainingNanos();
        if (remaining <= 0) {
            throw new SQLTimeoutException("the request's time limit was reached");
        }
        StatementCache.Prepared prepared = StatementCache.prepare(connection, sql);
        bindAll(connection, prepared.statement, params);
        runCancellable(prepared, action, remaining);
    }

    public <T> T single(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = list(sql, params, mapper);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void bindAll(Connection connection, PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            database.dialect().bind(connection, statement, i + 1, params.get(i));
        }
    }

    private long remainingNanos() {
        return deadlineNanos == 0 ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    private void runCancellable(StatementCache.Prepared prepared, RowMapper<?> action, long remainingNanos) throws SQLException {
        PreparedStatement statement = prepared.statement;
        ScheduledFuture<?> cancel = remainingNanos == Long.MAX_VALUE ? null
                : database.canceller().schedule(() -> cancelQuietly(statement), remainingNanos, TimeUnit.NANOSECONDS);
        try (ResultSet resultSet = statement.executeQuery()) {
            if (prepared.columns == null) {
                prepared.columns = columnIndex(resultSet.getMetaData());
            }
            Row row = new Row(resultSet, prepared.columns, database.dialect());
            while (resultSet.next()) {
                action.map(row);
            }
        } finally {
            if (cancel != null) {
                cancel.cancel(false);
            }
        }
    }

    private static Map<String, Integer> columnIndex(ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            index.putIfAbsent(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return index;
    }

    private static void cancelQuietly(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement finished or its connection closed meanwhile: nothing left to cancel
        }
    }

    /** The values a statement binds, possibly read from state kept on the borrowed connection. */
    @FunctionalInterface
    private interface Parameters {
        List<?> on(Connection connection) throws SQLException;
    }
}
