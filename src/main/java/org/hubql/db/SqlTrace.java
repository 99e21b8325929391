package org.hubql.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements one request ran. The count is always kept; the statements themselves only when tracing is on.
 * Parameter values are never recorded: they can hold token prefixes and user names.
 *
 * <p>Upkeep is work a statement needed that depends on the pool's state rather than on the query (rebuilding one
 * of a SQLite connection's in-memory indexes, {@link org.hubql.db.sqlite.HubIndexes}): it is listed apart when
 * tracing is on and never counted, so the count of a query is the same on every run.
 *
 * <p>The DataLoader batches of the request are recorded here too (loader name and key count), for the metrics.
 */
public final class SqlTrace {
    private final boolean keepStatements;
    private final List<TracedStatement> statements = new ArrayList<>();
    private final List<TracedStatement> upkeep = new ArrayList<>();
    private final Map<String, List<Integer>> batches = new HashMap<>();
    private int count;
    private long nanos;

    public SqlTrace(boolean keepStatements) {
        this.keepStatements = keepStatements;
    }

    synchronized void record(String sql, int rows, long nanos) {
        count++;
        this.nanos += nanos;
        if (keepStatements) {
            statements.add(new TracedStatement(sql, rows, nanos / 1_000_000.0));
        }
    }

    synchronized void recordUpkeep(String sql, int rows, long nanos) {
        if (keepStatements) {
            upkeep.add(new TracedStatement(sql, rows, nanos / 1_000_000.0));
        }
    }

    public synchronized int count() {
        return count;
    }

    /** How long the counted statements took, together. */
    public synchronized long nanos() {
        return nanos;
    }

    /** One DataLoader batch of {@code keys} keys, of the loader named {@code loader}. */
    public synchronized void recordBatch(String loader, int keys) {
        batches.computeIfAbsent(loader, name -> new ArrayList<>()).add(keys);
    }

    /** The key count of each batch, by loader name. */
    public synchronized Map<String, List<Integer>> batches() {
        Map<String, List<Integer>> copy = new HashMap<>();
        batches.forEach((loader, sizes) -> copy.put(loader, List.copyOf(sizes)));
        return copy;
    }

    public boolean keepsStatements() {
        return keepStatements;
    }

    public synchronized List<TracedStatement> statements() {
        return List.copyOf(statements);
    }

    public synchronized List<TracedStatement> upkeep() {
        return List.copyOf(upkeep);
    }

    /** One statement as it ran: its text, the rows it returned and how long it took. */
    public record TracedStatement(String sql, int rows, double ms) {}
}
