package org.hubql.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pool of a hub on a database server. An outage needs nothing of it: HikariCP evicts a connection whose
 * statement failed with a connection error, and a borrower waits at most its {@code connectionTimeout} for a new one.
 */
final class ServerPool implements HubPool {
    private final HikariDataSource pool;
    private final Opening opening;

    ServerPool(HikariDataSource pool) {
        this.pool = pool;
        this.opening = new Opening(pool, 0);
    }

    @Override
    public Opening check() {
        return opening;
    }

    @Override
    public HikariDataSource pool() {
        return pool;
    }

    @Override
    public void publishMetrics(MeterRegistry registry) {
        pool.setMetricRegistry(registry);
    }

    @Override
    public void outage() {
        // HikariCP has evicted the failed connection already
    }

    @Override
    public void close() {
        pool.close();
    }
}
