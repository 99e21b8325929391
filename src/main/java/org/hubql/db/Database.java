package org.hubql.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.hubql.db.sqlite.HubIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * The hub database, opened read-only behind a HikariCP pool. hubql never writes, never creates the file and
 * never holds a lock longer than one statement: a live JupyterHub keeps writing to the same database.
 *
 * <p>What differs by engine is chosen here, once: on SQLite, statements are kept prepared per connection and the
 * in-memory {@link HubIndexes} answer what the hub's tables have no index for; on a database server, statements are
 * prepared per run (the driver caches them) and nothing is indexed in memory.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final List<String> REQUIRED_TABLES = List.of("users", "servers", "groups", "api_tokens");
    private static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;
    /** SQLite connections open in-process: a borrower waits only for a busy pool. */
    private static final long SQLITE_CONNECTION_TIMEOUT_MS = 10_000;

    private final HubPool pool;
    private final Dialect dialect;
    private final HubSchema schema;
    private final Queries queries;
    private final HubIndexes indexes;
    private final StatementCache statements;
    private final ScheduledExecutorService canceller;
    private final ReadinessProbe probe;
    private final StatementGate gate;

    private Database(HubPool pool, Dialect dialect, HubSchema schema, HubIndexes indexes) {
        this.pool = pool;
        this.dialect = dialect;
        this.schema = schema;
        this.queries = Queries.forSchema(schema);
        this.indexes = indexes;
        this.statements = dialect == Dialect.SQLITE ? StatementCache.perConnection() : StatementCache.perRun();
        this.gate = StatementGate.forDialect(dialect);
        ScheduledThreadPoolExecutor cancelling = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hubql-sql-canceller");
            thread.setDaemon(true);
            return thread;
        });
        // nearly every statement finishes long before its deadline: drop its cancellation then, not at the deadline
        cancelling.setRemoveOnCancelPolicy(true);
        this.canceller = cancelling;
        this.probe = new ReadinessProbe(this);
    }

    /** Opens the hub database read-only, with a pool sized for its engine. */
    public static Database open(DatabaseLocation location) throws DatabaseOpenException {
        int poolSize = location.dialect().poolSize(Runtime.getRuntime().availableProcessors());
        return location.dialect() == Dialect.SQLITE
                ? openSqlite(Objects.requireNonNull(location.file()), poolSize)
                : openServer(location, poolSize);
    }

    /**
     * Opens a hub on PostgreSQL or MySQL/MariaDB. Every pooled connection is put in a read-only session before use,
     * so the server itself refuses any write; auto-commit keeps each read its own short transaction. A server that is
     * down or unreachable fails a borrower within the location's connect timeout, and a statement whose server stops
     * answering within its socket timeout ({@link ServerTimeouts}).
     */
    static Database openServer(DatabaseLocation location, int poolSize) throws DatabaseOpenException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setConnectionInitSql(location.dialect().readOnlySessionSql());
        ServerTimeouts.apply(config, location);
        try {
            HikariDataSource dataSource = newPool(config, poolSize, location.toString());
            HubSchema schema = inspectOrClose(dataSource, location.dialect(), location.toString());
            return new Database(new ServerPool(dataSource), location.dialect(), schema, HubIndexes.none());
        } catch (DatabaseOpenException e) {
            throw new DatabaseOpenException(location.redact(e.getMessage()), e.getCause());
        }
    }

    /** Opens a SQLite hub database file read-only. */
    public static Database openSqlite(Path file, int poolSize) throws DatabaseOpenException {
        return openSqlite(file, poolSize, System::nanoTime);
    }

    /** As {@link #openSqlite(Path, int)}, with the clock that times the indexes' back-off (a test's fake one). */
    static Database openSqlite(Path file, int poolSize, LongSupplier nanoClock) throws DatabaseOpenException {
        checkReadableFile(file);
        SqliteFilePool pool = SqliteFilePool.open(file, () -> openSqlitePool(file, poolSize));
        return new Database(pool, Dialect.SQLITE, pool.schema(), HubIndexes.sqlite(nanoClock));
    }

    private static SqliteFilePool.Opened openSqlitePool(Path file, int poolSize) throws DatabaseOpenException {
        checkReadableFile(file);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setReadOnly(true);
        sqlite.setOpenMode(SQLiteOpenMode.READONLY);
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        SQLiteDataSource driver = new SQLiteDataSource(sqlite);
        driver.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setConnectionInitSql(Dialect.SQLITE.readOnlySessionSql());
        config.setConnectionTimeout(SQLITE_CONNECTION_TIMEOUT_MS);
        HikariDataSource dataSource = newPool(config, poolSize, file.toString());
        return new SqliteFilePool.Opened(dataSource, inspectOrClose(dataSource, Dialect.SQLITE, file.toString()));
    }

    private static void checkReadableFile(Path file) throws DatabaseOpenException {
        if (!Files.exists(file)) {
            throw new DatabaseOpenException("database file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new DatabaseOpenException("not a database file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new DatabaseOpenException("database file is not readable: " + file);
        }
    }

    private static HikariDataSource newPool(HikariConfig config, int poolSize, String displayName)
            throws DatabaseOpenException {
        config.setPoolName("hubql");
        config.setReadOnly(true);
        config.setAutoCommit(true);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseOpenException("cannot open " + displayName + ": " + firstLine(rootMessage(e)), e);
        }
    }

    private static HubSchema inspectOrClose(HikariDataSource dataSource, Dialect dialect, String displayName)
            throws DatabaseOpenException {
        try {
            HubSchema schema = inspect(dataSource, dialect, displayName);
            LOG.info(
                    "Opened {} hub database {} read-only (JupyterHub {}, revision {})",
                    dialect.engineName(),
                    displayName,
                    schema.releaseLine(),
                    schema.revision());
            return schema;
        } catch (DatabaseOpenException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HubSchema inspect(DataSource dataSource, Dialect dialect, String displayName)
            throws DatabaseOpenException {
        HubSchema schema;
        try (Connection connection = dataSource.getConnection()) {
            schema = HubSchema.read(connection, dialect);
        } catch (SQLException e) {
            throw new DatabaseOpenException("cannot open " + displayName + ": " + firstLine(rootMessage(e)), e);
        }
        for (String table : REQUIRED_TABLES) {
            if (!schema.hasTable(table)) {
                throw new DatabaseOpenException("not a JupyterHub database (no table '" + table + "'): " + displayName);
            }
        }
        return schema;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * A statement runner for one request; {@code deadlineNanos} is a {@link System#nanoTime()} value, or 0 for none.
     * Its statements all read the database as it was checked here ({@link #check()}).
     *
     * @throws DatabaseUnavailableException when the database cannot be read now
     */
    public Sql newSql(SqlTrace trace, long deadlineNanos) {
        HubPool.Opening opening = pool.check();
        return new Sql(this, opening.pool(), opening.generation(), trace, deadlineNanos);
    }

    /**
     * Checks that the database can be read now (on SQLite: that the path still names a whole hub file, reopening it
     * when it was replaced) and answers which opening of it is current: a new number each time a replaced SQLite file
     * is reopened, so that what was verified against the old file can be forgotten. Costs a {@code stat} on SQLite,
     * nothing on a database server.
     *
     * @throws DatabaseUnavailableException when the database cannot be read now
     */
    public long check() {
        return pool.check().generation();
    }

    /** Whether the database answers a trivial read now, within {@code timeout}, and if not, why. */
    public Readiness readiness(Duration timeout) {
        return probe.run(timeout);
    }

    /** True when a trivial read succeeds within a few seconds. */
    public boolean ping() {
        return readiness(Duration.ofSeconds(5)).ready();
    }

    /** The failure of a statement: an outage of the database is {@link DatabaseUnavailableException}. */
    DataAccessException failure(SQLException error, boolean timedOut) {
        if (timedOut) {
            return new DataAccessException("the request's time limit was reached", error, true);
        }
        if (Outages.isOutage(error)) {
            pool.outage();
            return new DatabaseUnavailableException("the database cannot be read now", error);
        }
        return new DataAccessException("a database read failed", error, false);
    }

    /** Publishes the pool's gauges and timers ({@code hikaricp_connections…}) to {@code registry}; once. */
    public void publishPoolMetrics(MeterRegistry registry) {
        pool.publishMetrics(registry);
    }

    public Dialect dialect() {
        return dialect;
    }

    public HubSchema schema() {
        return schema;
    }

    /** Every query object of this hub, built once from its schema. */
    public Queries queries() {
        return queries;
    }

    HubIndexes indexes() {
        return indexes;
    }

    StatementCache statements() {
        return statements;
    }

    StatementGate gate() {
        return gate;
    }

    /** The pool of the current opening of the database. */
    DataSource dataSource() {
        return pool.pool();
    }

    /** Cancellations scheduled and not yet dropped: one per statement running with a deadline. */
    int pendingCancellations() {
        return ((ScheduledThreadPoolExecutor) canceller).getQueue().size();
    }

    ScheduledExecutorService canceller() {
        return canceller;
    }

    @Override
    public void close() {
        canceller.shutdownNow();
        probe.close();
        pool.close();
    }
}
