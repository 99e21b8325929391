package org.hubql.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a realistic demo JupyterHub 0.8.1 SQLite database, the same content for the same seed.
 *
 * <p>The hub has the 0.8.1 schema stamped {@code 3ec6993fe20c}; the services {@code cull-idle},
 * {@code announcement} and {@code grader}; about {@code users / 25} groups; and the users asked for. User 1 is
 * {@code admin} (an admin), user 2 {@code alice} (not an admin, default server running), user 3 {@code müller}
 * and user 4 {@code jane.doe@example.org} (running named server {@code ml lab}); the rest are {@code user-00042}
 * or {@code maria42}, about 5% of them admins. Spawners, servers, API tokens, OAuth clients, OAuth access
 * tokens and OAuth codes follow the way 0.8.1 writes them.
 *
 * <p>Two rows are deliberately odd, as real hubs have them: {@code servers} id 1 is an old server of
 * {@code announcement} that nothing references, and {@code admin}'s named spawner {@code gpu} is dangling: it
 * looks running ({@code {"pid": N}}) but its {@code server_id} names a {@code servers} row that does not exist,
 * as a crash can leave behind. OAuth client secrets after the first 50 repeat earlier hashed values.
 *
 * <p>The file is built under a temporary name in the target's directory and appears under the target name only
 * when complete. An existing file is never touched. Nothing secret is logged.
 */
public final class DemoHub {
    /** The largest number of users {@link #write} accepts. */
    public static final int MAX_USERS = 10_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(DemoHub.class);

    private DemoHub() {}

    /** Writes a new demo hub database at {@code out} with {@code users} users, deterministic for a given seed. */
    public static DemoHubSummary write(Path out, int users, long seed) throws DemoHubException {
        Objects.requireNonNull(out, "out");
        if (users < 0 || users > MAX_USERS) {
            throw new DemoHubException("users must be between 0 and " + MAX_USERS + ", got " + users);
        }
        Path target = out.toAbsolutePath().normalize();
        long started = System.nanoTime();
        try (StagedFile staged = StagedFile.next(target)) {
            DemoHubSummary summary = generate(staged.temp(), target, users, seed);
            staged.publish();
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Wrote demo hub {} with {} users in {} ms", target, users, millis);
            return summary;
        }
    }

    /**
     * Writes a new demo hub with the tables of JupyterHub {@code schema}: {@code 0.8.1}, or {@code 5.5.1} (the same
     * users, servers and tokens, plus roles, shares and OAuth tokens in {@code api_tokens}).
     */
    public static DemoHubSummary write(Path out, int users, long seed, String schema) throws DemoHubException {
        if ("0.8.1".equals(schema)) {
            return write(out, users, seed);
        }
        if (!"5.5.1".equals(schema)) {
            throw new DemoHubException("demo hubs have JupyterHub schema 0.8.1 or 5.5.1, not " + schema);
        }
        Path target = out.toAbsolutePath().normalize();
        try (StagedFile old = StagedFile.next(target.resolveSibling(target.getFileName() + ".0.8.1"));
                StagedFile staged = StagedFile.next(target)) {
            DemoHubSummary summary = generate(old.temp(), target, users, seed);
            DemoUpgrade.to551(old.temp(), staged.temp());
            staged.publish();
            return summary;
        } catch (SQLException | IOException e) {
            throw new DemoHubException("cannot write demo hub " + target + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static DemoHubSummary generate(Path temp, Path target, int users, long seed) throws DemoHubException {
        try {
            return DemoHubWriter.write(temp, target, users, seed);
        } catch (SQLException | IOException e) {
            throw new DemoHubException("cannot write demo hub " + target + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
