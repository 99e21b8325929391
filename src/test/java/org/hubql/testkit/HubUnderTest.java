package org.hubql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubException;
import org.hubql.demo.ServerDdl;

/**
 * One hub the integration tests run against: a JupyterHub schema version on a database engine. Every version holds
 * the same hand-written users, servers, groups and tokens, written the way that JupyterHub version writes them.
 */
public record HubUnderTest(String engine, String version) {

    /** Every engine and schema version the integration suite covers. */
    public static Stream<HubUnderTest> all() {
        return Stream.of(
                new HubUnderTest("sqlite", "0.8"),
                new HubUnderTest("sqlite", "1.x"),
                new HubUnderTest("sqlite", "5.5.1"),
                new HubUnderTest("postgresql", "0.8"),
                new HubUnderTest("postgresql", "1.x"),
                new HubUnderTest("postgresql", "5.5.1"),
                new HubUnderTest("mariadb", "0.8"),
                new HubUnderTest("mariadb", "1.x"),
                new HubUnderTest("mariadb", "5.5.1"));
    }

    /** True for the 5.x schema: roles, shares, and OAuth tokens kept in {@code api_tokens}. */
    public boolean isFive() {
        return version.startsWith("5");
    }

    /** True for a 0.8 hub upgraded to 1.x: the 0.9 and 1.0 columns, still no roles and {@code oauth_access_tokens}. */
    public boolean isOne() {
        return version.startsWith("1");
    }

    /** True from 0.9 on: {@code created}, {@code started} and the token activity columns exist. */
    public boolean hasCreated() {
        return isOne() || isFive();
    }

    private List<String> schemaFiles() {
        if (isFive()) {
            return List.of("schema-5.5.1.sql");
        }
        return isOne() ? List.of("schema-0.8.1.sql", "upgrade-0.8-to-1.x.sql") : List.of("schema-0.8.1.sql");
    }

    private List<String> fixtureFiles() {
        if (isFive()) {
            return List.of("hub-5.5.1-small.sql");
        }
        return isOne() ? List.of("hub-0.8-small.sql", "hub-1.x-small.sql") : List.of("hub-0.8-small.sql");
    }

    private String schemaScript() {
        return schemaFiles().stream().map(TestHub::fixture).collect(Collectors.joining("\n"));
    }

    /** Builds this hub in a new temporary directory (and on its server); close the result to drop both. */
    public Opened open() {
        return open(new String[0]);
    }

    /** This hub with the rows of more fixture scripts (written for every version), run after its own. */
    public Opened open(String... moreFixtures) {
        Path directory = temporaryDirectory();
        List<String> scripts =
                new ArrayList<>(schemaFiles().subList(1, schemaFiles().size()));
        scripts.addAll(fixtureFiles());
        scripts.addAll(List.of(moreFixtures));
        Path file = TestHub.sqlite(
                directory.resolve(engine + "-" + version + ".sqlite"),
                schemaFiles().get(0),
                scripts.toArray(String[]::new));
        if (engine.equals("sqlite")) {
            return new Opened(DatabaseLocation.sqlite(file), () -> delete(directory));
        }
        ServerDdl.Engine server = engine.equals("postgresql") ? ServerDdl.Engine.POSTGRESQL : ServerDdl.Engine.MARIADB;
        ServerDatabase database;
        try {
            database = ServerDatabase.copyOf(file, schemaScript(), server);
        } finally {
            delete(directory);
        }
        return new Opened(database.location(), database::close);
    }

    /**
     * A demo hub of {@code users} users (see {@code DemoHub}) with JupyterHub {@code schema} (0.8.1 or 5.5.1) on
     * {@code engine}: sqlite, postgresql or mariadb.
     */
    public static Opened demo(String engine, String schema, int users, long seed) {
        Path directory = temporaryDirectory();
        Path file;
        try {
            file = DemoHub.write(directory.resolve("demo.sqlite"), users, seed, schema)
                    .file();
        } catch (DemoHubException e) {
            delete(directory);
            throw new IllegalStateException(e);
        }
        if (engine.equals("sqlite")) {
            return new Opened(DatabaseLocation.sqlite(file), () -> delete(directory));
        }
        ServerDdl.Engine server = engine.equals("postgresql") ? ServerDdl.Engine.POSTGRESQL : ServerDdl.Engine.MARIADB;
        try {
            ServerDatabase database =
                    ServerDatabase.copyOf(file, TestHub.resource("/demo/schema-" + schema + ".sql"), server);
            return new Opened(database.location(), database::close);
        } finally {
            delete(directory);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hubql-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return engine + "-" + version;
    }

    /** An open test hub; closing drops its server database, if any. */
    public record Opened(DatabaseLocation location, Runnable dropper) implements AutoCloseable {
        @Override
        public void close() {
            dropper.run();
        }
    }
}
