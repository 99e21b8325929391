package org.hubql.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plays JupyterHub's routine writes on a SQLite hub: every 10 ms, {@code BEGIN IMMEDIATE; UPDATE users SET
 * last_activity …; COMMIT}, each timed from the BEGIN to the end of the COMMIT (the time the hub would be blocked).
 * Prints one JSON line with the count, failures, p50, p99 and worst.
 *
 * <p>Usage: {@code CommitWriter HUB_FILE SECONDS LABEL}.
 */
public final class CommitWriter {
    /** SQLAlchemy's pysqlite default: JupyterHub waits this long for a lock before "database is locked". */
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Path hub;
    private final List<Long> waitsNanos = new ArrayList<>();
    private int failures;
    private String firstFailure = "";

    CommitWriter(Path hub) {
        this.hub = hub;
    }

    public static void main(String[] args) throws Exception {
        CommitWriter writer = new CommitWriter(Path.of(args[0]));
        writer.run(Duration.ofSeconds(Long.parseLong(args[1])));
        System.out.println(writer.summary(args[2]));
    }

    void run(Duration duration) throws SQLException, InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            long maxId = maxUserId(statement);
            for (long n = 0; System.nanoTime() < end; n++) {
                commitOnce(statement, 1 + n % maxId);
                Thread.sleep(10);
            }
        }
    }

    private static long maxUserId(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("SELECT MAX(id) FROM users")) {
            rows.next();
            return Math.max(1, rows.getLong(1));
        }
    }

    private void commitOnce(Statement statement, long userId) {
        long started = System.nanoTime();
        try {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute(
                    "UPDATE users SET last_activity = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = " + userId);
            statement.execute("COMMIT");
            waitsNanos.add(System.nanoTime() - started);
        } catch (SQLException e) {
            failures++;
            if (firstFailure.isEmpty()) {
                firstFailure = e.getMessage();
            }
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // no transaction was open
            }
        }
    }

    /** The commits' waits: how many, how many failed (and the first failure's message), p50, p99 and worst. */
    record Waits(int commits, int failures, double p50Ms, double p99Ms, double maxMs, String firstFailure) {}

    Waits waits() {
        List<Long> sorted = waitsNanos.stream().sorted().toList();
        return new Waits(
                sorted.size(),
                failures,
                percentileMs(sorted, 50),
                percentileMs(sorted, 99),
                percentileMs(sorted, 100),
                firstFailure);
    }

    String summary(String label) {
        Waits waits = waits();
        return String.format(
                Locale.ROOT,
                "{\"label\":\"%s\",\"commits\":%d,\"failures\":%d,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,"
                        + "\"firstFailure\":\"%s\"}",
                label,
                waits.commits(),
                waits.failures(),
                waits.p50Ms(),
                waits.p99Ms(),
                waits.maxMs(),
                waits.firstFailure().replace("\"", "'").replace("\\", "/"));
    }

    static double percentileMs(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
