package org.hubql.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool of a SQLite hub file, kept pointing at the file its path names. Each {@link #check()} (one per request)
 * compares one {@code stat} of the path with the last one judged; only a change (every commit of the hub changes the
 * file's time) costs more, a read of the file's header:
 *
 * <ul>
 *   <li>nothing at the path, a header that is not SQLite's, or a file shorter than its header records: unavailable
 *       until that changes;
 *   <li>another file (another device or inode) with the same tables and columns: a new pool on it, a new
 *       {@linkplain #check() generation} (so that tokens verified against the old file are forgotten), and the old
 *       pool closed once the requests running on it have had time to finish;
 *   <li>another file hubql cannot serve (another JupyterHub schema, not a hub): unavailable, saying why;
 *   <li>the same file whole again after a fault: its connections are replaced, since a connection or a statement that
 *       has met a damaged file can keep failing after the file is whole.
 * </ul>
 *
 * Nothing here writes, creates or locks the file: the {@code stat} and the header read go around SQLite.
 */
final class SqliteFilePool implements HubPool {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFilePool.class);
    /** A header read can race a commit that rewrites page 1: a problem is believed when seen twice this far apart. */
    private static final long CONFIRM_MILLIS = 50;
    /** How long a replaced file's pool stays open for the requests that started on it. */
    private static final long RETIRE_AFTER_MILLIS = 10_000;

    /** Opens a new pool on the file and reads its schema. */
    @FunctionalInterface
    interface Opener {
        Opened open() throws DatabaseOpenException;
    }

    record Opened(HikariDataSource pool, HubSchema schema) {}

    /** An opening and the identity of the file it opened. */
    private record FileOpening(Opening opening, Object fileKey) {}

    private record Verdict(SqliteFile.Stat stat, Optional<String> problem) {}

    private final Path file;
    private final Opener opener;
    private final HubSchema schema;
    private final List<HikariDataSource> retired = new ArrayList<>();
    private volatile FileOpening current;
    private volatile Verdict verdict;
    private volatile boolean suspect;
    private volatile Optional<MeterRegistry> metrics = Optional.empty();

    private SqliteFilePool(Path file, Opener opener, HubSchema schema, FileOpening current, Verdict verdict) {
        this.file = file;
        this.opener = opener;
        this.schema = schema;
        this.current = current;
        this.verdict = verdict;
    }

    /** Opens the file; the {@code stat} taken before is the identity later ones are compared with. */
    static SqliteFilePool open(Path file, Opener opener) throws DatabaseOpenException {
        SqliteFile.Stat stat = statOrFail(file);
        Opened opened = opener.open();
        return new SqliteFilePool(
                file,
                opener,
                opened.schema(),
                new FileOpening(new Opening(opened.pool(), 0), stat.key()),
                new Verdict(stat, Optional.empty()));
    }

    private static SqliteFile.Stat statOrFail(Path file) throws DatabaseOpenException {
        try {
            return SqliteFile.stat(file)
                    .orElseThrow(() -> new DatabaseOpenException("database file not found: " + file));
        } catch (IOException e) {
            throw new DatabaseOpenException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    HubSchema schema() {
        return schema;
    }

    @Override
    public Opening check() {
        SqliteFile.Stat now = statNow();
        Verdict last = verdict;
        return now.equals(last.stat()) && !suspect ? answer(last) : judge(now);
    }

    @Override
    public HikariDataSource pool() {
        return current.opening().pool();
    }

    @Override
    public void publishMetrics(MeterRegistry registry) {
        metrics = Optional.of(registry);
        pool().setMetricRegistry(registry);
    }

    /** A statement met a damaged file: the next check reads the header again and replaces the connections. */
    @Override
    public void outage() {
        suspect = true;
    }

    private SqliteFile.Stat statNow() {
        try {
            return SqliteFile.stat(file)
                    .orElseThrow(() -> new DatabaseUnavailableException("the database file is gone", null));
        } catch (IOException e) {
            throw new DatabaseUnavailableException("the database file cannot be read", e);
        }
    }

    private Opening answer(Verdict judged) {
        if (judged.problem().isPresent()) {
            throw new DatabaseUnavailableException(judged.problem().get(), null);
        }
        return current.opening();
    }

    private synchronized Opening judge(SqliteFile.Stat now) {
        Verdict last = verdict;
        if (now.equals(last.stat()) && !suspect) {
            return answer(last); // judged by another request meanwhile
        }
        boolean wasSuspect = suspect;
        suspect = false;
        Optional<String> problem = confirmedHeaderProblem();
        if (problem.isEmpty() && !now.key().equals(current.fileKey())) {
            problem = reopen(now);
        } else if (problem.isEmpty() && (wasSuspect || last.problem().isPresent())) {
            LOG.info("The hub database file {} reads well again: replacing its connections", file);
            current.opening().pool().getHikariPoolMXBean().softEvictConnections();
        }
        if (problem.isPresent() && last.problem().isEmpty()) {
            LOG.warn("The hub database cannot be read: {}: {}", problem.get(), file);
        }
        verdict = new Verdict(now, problem);
        return answer(verdict);
    }

    private Optional<String> confirmedHeaderProblem() {
        Optional<String> problem = headerProblem();
        if (problem.isEmpty()) {
            return problem;
        }
        try {
            Thread.sleep(CONFIRM_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem;
        }
        return headerProblem();
    }

    private Optional<String> headerProblem() {
        try {
            return SqliteFile.headerProblem(file);
        } catch (IOException e) {
            return Optional.of(
                    "the database file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A new pool on the file the path names now, if hubql can serve it; else why not. */
    private Optional<String> reopen(SqliteFile.Stat now) {
        Opened opened;
        try {
            opened = opener.open();
        } catch (DatabaseOpenException e) {
            return Optional.of("the file was replaced by one that cannot be served (" + e.getMessage() + ")");
        }
        if (!opened.schema().equals(schema)) {
            opened.pool().close();
            return Optional.of("the file was replaced by a hub of another schema (JupyterHub "
                    + opened.schema().releaseLine() + ", revision "
                    + opened.schema().revision()
                    + "): restart hubql to serve it");
        }
        Opening old = current.opening();
        current = new FileOpening(new Opening(opened.pool(), old.generation() + 1), now.key());
        LOG.info("The hub database file {} was replaced: reopened it, and forgot the tokens verified before", file);
        retire(old.pool(), opened.pool());
        return Optional.empty();
    }

    /**
     * Closes {@code old} once the requests still using it are done. Both pools are named alike, so the new one
     * publishes its metrics only after the old one has taken its own away.
     */
    private void retire(HikariDataSource old, HikariDataSource successor) {
        synchronized (retired) {
            retired.add(old);
        }
        Thread closer = new Thread(
                () -> {
                    try {
                        Thread.sleep(RETIRE_AFTER_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    old.close();
                    metrics.ifPresent(successor::setMetricRegistry);
                },
                "hubql-retire-pool");
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    public void close() {
        current.opening().pool().close();
        synchronized (retired) {
            retired.forEach(HikariDataSource::close);
        }
    }
}
