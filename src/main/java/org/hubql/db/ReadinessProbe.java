package org.hubql.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs a trivial read aside, on a thread of its own, so that whoever asks waits no longer than its own timeout even
 * when a server hangs; callers that ask while a read is still running share it, so a hung server holds one thread.
 * On SQLite the read touches the file (the schema, read by a new connection, and a page of {@code users}), which {@code SELECT 1} would not.
 */
final class ReadinessProbe implements AutoCloseable {
    private static final long READ_DEADLINE_NANOS = 30_000_000_000L;

    private final Database database;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hubql-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable Future<Readiness> running;

    ReadinessProbe(Database database) {
        this.database = database;
    }

    Readiness run(Duration timeout) {
        Future<Readiness> read = start();
        try {
            return read.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Readiness.notReady("the database did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Readiness.notReady(
                    "the readiness check failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Readiness.notReady("the readiness check was interrupted");
        }
    }

    private synchronized Future<Readiness> start() {
        if (running == null || running.isDone()) {
            running = runner.submit(this::read);
        }
        return running;
    }

    private Readiness read() {
        String statement = database.dialect() == Dialect.SQLITE
                ? "SELECT count(*) AS one FROM (SELECT 1 FROM users LIMIT 1)"
                : "SELECT 1 AS one";
        try {
            database.newSql(new SqlTrace(false), System.nanoTime() + READ_DEADLINE_NANOS)
                    .list(statement, List.of(), row -> row.id("one"));
            return Readiness.ok();
        } catch (DataAccessException e) {
            return Readiness.notReady(e.getMessage());
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
