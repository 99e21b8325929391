package org.hubql.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connection pool statements borrow from, and what keeps it pointing at a readable database: {@link ServerPool}
 * for PostgreSQL and MariaDB (HikariCP drops broken connections itself), {@link SqliteFilePool} for a SQLite file,
 * which can be renamed, replaced or damaged under hubql's feet.
 */
interface HubPool extends AutoCloseable {

    /**
     * Checks that the database can be read now, reopening it if need be, and answers the current opening of it.
     *
     * @throws DatabaseUnavailableException when it cannot be read
     */
    Opening check();

    /**
     * One opening of the database: its pool, and a number that changes each time the database is reopened (a
     * replaced SQLite file), so that what was verified against the one before can be told apart.
     */
    record Opening(HikariDataSource pool, long generation) {}

    /** The pool of the current opening, as it is: for the statements of a request already {@linkplain #check checked}. */
    HikariDataSource pool();

    /** Publishes the pool's gauges and timers ({@code hikaricp_connections…}) to {@code registry}, now and after a reopening. */
    void publishMetrics(MeterRegistry registry);

    /** A statement failed because the database could not be read ({@link Outages}). */
    void outage();

    @Override
    void close();
}
