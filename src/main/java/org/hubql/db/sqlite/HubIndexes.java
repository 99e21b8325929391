package org.hubql.db.sqlite;

import java.util.function.LongSupplier;

/**
 * The in-memory indexes of one hub database, chosen once when it opens: {@link #sqlite} for a SQLite file, whose
 * JupyterHub tables lack the indexes the gateway's relations need and which hubql opens read-only so cannot add
 * them; {@link #none} for a hub on a database server.
 */
@FunctionalInterface
public interface HubIndexes {

    /** The questions the indexes answer, asked on the connection {@code scope} supplies. */
    Lookup on(IndexScope scope);

    /** For a hub on a database server: every question is answered "not indexed". */
    static HubIndexes none() {
        return scope -> Lookup.NOT_INDEXED;
    }

    /** For a SQLite hub: indexes kept per pooled connection; {@code nanoClock} times their back-off. */
    static HubIndexes sqlite(LongSupplier nanoClock) {
        return new SqliteIndexes(nanoClock);
    }
}
