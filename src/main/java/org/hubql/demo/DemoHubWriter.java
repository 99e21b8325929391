package org.hubql.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Fills one new SQLite file with a demo hub in a single transaction. Generation runs without a journal and
 * without syncs; the finished file is switched back to an ordinary rollback journal.
 */
final class DemoHubWriter {
    private static final int CACHE_KIB = 64 * 1024;
    private static final String DANGLING_SERVER_NAME = "gpu";

    private DemoHubWriter() {}

    static DemoHubSummary write(Path file, Path reportedAs, int users, long seed) throws SQLException, IOException {
        try (Connection connection = open(file)) {
            connection.setAutoCommit(false);
            DemoSchema.create(connection);
            DemoHubSummary summary = fill(connection, reportedAs, users, new DemoRandom(seed));
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=DELETE");
            }
            return summary;
        }
    }

    /** Opens by {@code file:} URI, so a {@code ?} or {@code #} in the path is not read as URL syntax. */
    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-CACHE_KIB);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri());
    }

    private static DemoHubSummary fill(Connection connection, Path reportedAs, int users, DemoRandom random)
            throws SQLException {
        try (DemoRows rows = new DemoRows(connection)) {
            TokenMinter tokens = new TokenMinter(rows, random);
            ClientSecrets secrets = new ClientSecrets(random);
            String serviceToken = ServiceRows.write(rows, random, tokens, secrets);
            int groupCount = UserNames.groupCount(users);
            for (int id = 1; id <= groupCount; id++) {
                rows.group(id, UserNames.group(id));
            }
            SpawnerRows spawners = new SpawnerRows(rows, random, tokens, secrets);
            UserRows userRows = new UserRows(rows, random, tokens, spawners, groupCount);
            String adminToken = null;
            String userToken = null;
            for (int id = 1; id <= users; id++) {
                String token = userRows.write(id);
                adminToken = id == 1 ? token : adminToken;
                userToken = id == 2 ? token : userToken;
            }
            if (users >= 1) {
                spawners.writeDangling(1, DANGLING_SERVER_NAME);
            }
            rows.flush();
            return new DemoHubSummary(
                    reportedAs,
                    users,
                    users >= 1 ? UserNames.ADMIN : null,
                    adminToken,
                    users >= 2 ? UserNames.USER : null,
                    userToken,
                    ServiceRows.ANNOUNCEMENT,
                    serviceToken);
        }
    }
}
