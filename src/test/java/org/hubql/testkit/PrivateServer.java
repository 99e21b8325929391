package org.hubql.testkit;

import java.nio.file.Path;
import org.hubql.db.DatabaseLocation;

/** A database server of the test's own, holding one hub, that the test may stop and start again. */
public interface PrivateServer extends AutoCloseable {

    /** {@code postgresql} or {@code mariadb}: a new server with a copy of {@code sqliteHub} in its database. */
    static PrivateServer withHub(String engine, Path sqliteHub, String schemaScript) {
        return engine.equals("postgresql")
                ? PrivatePostgres.withHub(sqliteHub, schemaScript)
                : PrivateMariaDb.withHub(sqliteHub, schemaScript);
    }

    DatabaseLocation location();

    /** Stops the server as an operator would for a restart, cutting every session. */
    void stop();

    void start();

    /** Stops the server if it runs, and deletes its files. */
    @Override
    void close();
}
