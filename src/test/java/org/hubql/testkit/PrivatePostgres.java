package org.hubql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.HubCopier;
import org.hubql.demo.ServerDdl;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own, so that it can be stopped and started under load: {@code initdb} into a
 * temporary directory, {@code pg_ctl} on a free port of 127.0.0.1 (as the {@code postgres} user when the tests run as
 * root, which {@code initdb} refuses). Without Debian's PostgreSQL binaries the test is skipped locally and fails on
 * CI ({@code CI=true}).
 */
public final class PrivatePostgres implements PrivateServer {
    private static final String OWNER = "postgres";

    private final Path bin;
    private final Path directory;
    private final int port;

    private PrivatePostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** A new cluster, started, with a database {@code hub} holding a copy of the SQLite hub {@code sqliteHub}. */
    public static PrivatePostgres withHub(Path sqliteHub, String schemaScript) {
        Path bin = binaries().orElse(null);
        if (bin == null) {
            unavailable("no PostgreSQL binaries under /usr/lib/postgresql/*/bin");
        }
        PrivatePostgres server = new PrivatePostgres(bin, temporaryDirectory(), freePort());
        try {
            server.initdb();
            server.start();
            server.createHub(sqliteHub, schemaScript);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(PrivatePostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        String version = bin.getParent().getFileName().toString();
        return version.matches("\\d+") ? Integer.parseInt(version) : 0;
    }

    static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    @Override
    public DatabaseLocation location() {
        return DatabaseLocation.parse("jdbc:postgresql://127.0.0.1:" + port + "/hub?user=postgres");
    }

    @Override
    public void stop() {
        pgCtl("stop", "-m", "fast");
    }

    @Override
    public void start() {
        pgCtl(
                "start",
                "-l",
                directory.resolve("log").toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory);
    }

    private void initdb() {
        run(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                directory.resolve("data").toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8"));
    }

    private void pgCtl(String action, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                bin.resolve("pg_ctl").toString(),
                action,
                "-D",
                directory.resolve("data").toString(),
                "-w"));
        command.addAll(List.of(arguments));
        run(command);
    }

    private void createHub(Path sqliteHub, String schemaScript) {
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection admin = DriverManager.getConnection(server + "postgres?user=postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE hub ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the hub database: " + e.getMessage(), e);
        }
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqliteHub);
                Connection target = DriverManager.getConnection(server + "hub?user=postgres")) {
            HubCopier.copy(source, target, schemaScript, ServerDdl.Engine.POSTGRESQL);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the hub: " + e.getMessage(), e);
        }
    }

    /** Runs a PostgreSQL tool, as the {@code postgres} user when this is root. */
    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", OWNER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("hubql-postgres-");
            if (isRoot()) {
                new ProcessBuilder("chown", OWNER + ":", directory.toString())
                        .inheritIO()
                        .start()
                        .waitFor(30, TimeUnit.SECONDS);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            pgCtl("stop", "-m", "immediate");
        } catch (RuntimeException ignored) {
            // it was stopped already, or never started
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
