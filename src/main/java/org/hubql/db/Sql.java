package org.hubql.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hubql.db.sqlite.IndexScope;
import org.hubql.db.sqlite.Lookup;
import org.jspecify.annotations.Nullable;

/**
 * Runs the read statements of one request. Each statement borrows a pooled connection in auto-commit mode and
 * returns it at once, so no read transaction outlives a statement and a hub writing to the same database is
 * never kept waiting for more than one statement. A statement runs when the {@link StatementGate} lets it, and its
 * rows are all read (and its cursor closed) before the gate opens for the next. Past the request's deadline a
 * running statement is cancelled.
 */
public final class Sql {
    private final Database database;
    private final DataSource pool;
    private final long generation;
    private final SqlTrace trace;
    private final long deadlineNanos;
    private volatile @Nullable DatabaseUnavailableException outage;

    Sql(Database database, DataSource pool, long generation, SqlTrace trace, long deadlineNanos) {
        this.database = database;
        this.pool = pool;
        this.generation = generation;
        this.trace = trace;
        this.deadlineNanos = deadlineNanos;
    }

    public Dialect dialect() {
        return database.dialect();
    }

    public SqlTrace trace() {
        return trace;
    }

    /** Which opening of the database these statements read ({@link Database#check()}). */
    public long generation() {
        return generation;
    }

    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        long started = System.nanoTime();
        checkUsable();
        try (Connection connection = pool.getConnection()) {
            return run(connection, sql, params, mapper, started);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> List<T> list(SqlFragment statement, RowMapper<T> mapper) {
        return list(statement.text(), statement.params(), mapper);
    }

    /** The first row's value; null when there is no row. */
    public <T> @Nullable T single(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = list(sql, params, mapper);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * An answer of the hub's in-memory indexes ({@link Database#indexes()}), asked on one borrowed connection; empty
     * when they do not answer it, and the caller runs its plain SQL. No statement is counted: an index rebuilt for
     * the answer is upkeep ({@link SqlTrace}).
     */
    <R> Optional<R> fromIndexes(IndexQuestion<R> question) {
        checkUsable();
        try (Scope scope = new Scope()) {
            return question.ask(database.indexes().on(scope));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * The rows of the statement {@code plan} writes from an answer of the indexes, run on the connection the answer
     * came from (which a statement calling one of its SQL functions needs); empty, with nothing run, when the
     * indexes do not answer.
     */
    <T> Optional<List<T>> listIndexed(IndexQuestion<SqlFragment> plan, RowMapper<T> mapper) {
        checkUsable();
        try (Scope scope = new Scope()) {
            Optional<SqlFragment> statement = plan.ask(database.indexes().on(scope));
            if (statement.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(run(
                    scope.connection(), statement.get().text(), statement.get().params(), mapper, System.nanoTime()));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A question to the indexes, as {@link Lookup} asks it. */
    @FunctionalInterface
    interface IndexQuestion<R> {
        Optional<R> ask(Lookup lookup) throws SQLException;
    }

    private <T> List<T> run(Connection connection, String sql, List<?> params, RowMapper<T> mapper, long started)
            throws SQLException {
        try {
            List<T> rows = new ArrayList<>();
            forEachRow(connection, sql, params, row -> rows.add(mapper.map(row)));
            trace.record(sql, rows.size(), System.nanoTime() - started);
            return rows;
        } catch (SQLException e) {
            trace.record(sql, 0, System.nanoTime() - started);
            throw e;
        }
    }

    /**
     * Refuses a statement that cannot help: the request's time is up, or one of its statements already found the
     * database unavailable (each would wait a connection timeout of its own, adding up to many seconds).
     */
    private void checkUsable() {
        if (remainingNanos() <= 0) {
            throw new DataAccessException("the request's time limit was reached", null, true);
        }
        DatabaseUnavailableException met = outage;
        if (met != null) {
            throw new DatabaseUnavailableException(met.getMessage(), met);
        }
    }

    private DataAccessException failure(SQLException e) {
        DataAccessException failure = database.failure(e, deadlineNanos != 0 && System.nanoTime() >= deadlineNanos);
        if (failure instanceof DatabaseUnavailableException unavailable) {
            outage = unavailable;
        }
        return failure;
    }

    /** Runs one statement on a connection the caller has borrowed, cancelled at the request's deadline. */
    private void forEachRow(Connection connection, String sql, List<?> params, RowMapper<?> action)
            throws SQLException {
        long remaining = remainingNanos();
        if (remaining <= 0) {
            throw new SQLTimeoutException("the request's time limit was reached");
        }
        StatementCache.Prepared prepared = database.statements().prepare(connection, sql);
        try {
            bindAll(connection, prepared.statement, params);
            database.gate().enter(remaining);
            try {
                runCancellable(prepared, action, remainingNanos());
            } finally {
                database.gate().leave();
            }
        } catch (SQLException e) {
            prepared.discard();
            throw e;
        } finally {
            prepared.release();
        }
    }

    private void bindAll(Connection connection, PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            database.dialect().bind(connection, statement, i + 1, params.get(i));
        }
    }

    private long remainingNanos() {
        return deadlineNanos == 0 ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    private void runCancellable(StatementCache.Prepared prepared, RowMapper<?> action, long remainingNanos)
            throws SQLException {
        if (remainingNanos <= 0) {
            throw new SQLTimeoutException("the request's time limit was reached");
        }
        PreparedStatement statement = prepared.statement;
        ScheduledFuture<?> cancel = remainingNanos == Long.MAX_VALUE
                ? null
                : database.canceller().schedule(() -> cancelQuietly(statement), remainingNanos, TimeUnit.NANOSECONDS);
        try (ResultSet resultSet = statement.executeQuery()) {
            Row row = new Row(resultSet, prepared.columns(resultSet), database.dialect());
            while (resultSet.next()) {
                action.map(row);
            }
        } finally {
            if (cancel != null) {
                cancel.cancel(false);
            }
        }
    }

    private static void cancelQuietly(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement finished or its connection closed meanwhile: nothing left to cancel
        }
    }

    /** One question's connection, borrowed when the indexes first need it and returned when the question is done. */
    private final class Scope implements IndexScope, AutoCloseable {
        private @Nullable Connection borrowed;

        @Override
        public Connection connection() throws SQLException {
            if (borrowed == null) {
                borrowed = pool.getConnection();
            }
            return borrowed;
        }

        @Override
        public Packed scan(String select) throws SQLException {
            List<Packed> row = new ArrayList<>(1);
            forEachRow(
                    connection(),
                    select,
                    List.of(),
                    result -> row.add(new Packed(result.text("packed"), result.id("beyond"))));
            return row.get(0);
        }

        @Override
        public void rebuilt(String select, int entries, long nanos) {
            trace.recordUpkeep(select, entries, nanos);
        }

        @Override
        public void close() throws SQLException {
            if (borrowed != null) {
                borrowed.close();
            }
        }
    }
}
