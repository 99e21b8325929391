package org.hubql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.HubCopier;
import org.hubql.demo.ServerDdl;

/**
 * A MariaDB server of the test's own: {@code mariadb-install-db} into a temporary directory, then {@code mariadbd}
 * on a free port of 127.0.0.1 (as the {@code mysql} user when the tests run as root), stopped with SIGTERM as
 * systemd stops it. Without Debian's MariaDB server the test is skipped locally and fails on CI ({@code CI=true}).
 */
public final class PrivateMariaDb implements PrivateServer {
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    private static final long START_MILLIS = 60_000;

    private final Path directory;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** A new server, started, with a database {@code hub} holding a copy of the SQLite hub {@code sqliteHub}. */
    public static PrivateMariaDb withHub(Path sqliteHub, String schemaScript) {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL)) {
            PrivatePostgres.unavailable("no MariaDB server at " + SERVER);
        }
        PrivateMariaDb mariadb = new PrivateMariaDb(temporaryDirectory(), PrivatePostgres.freePort());
        try {
            mariadb.install();
            mariadb.start();
            mariadb.createHub(sqliteHub, schemaScript);
            return mariadb;
        } catch (RuntimeException e) {
            mariadb.close();
            throw e;
        }
    }

    @Override
    public DatabaseLocation location() {
        return DatabaseLocation.parse("jdbc:mariadb://127.0.0.1:" + port + "/hub?user=root");
    }

    private void install() {
        List<String> command = new ArrayList<>(List.of(
                INSTALL.toString(),
                "--no-defaults",
                "--datadir=" + directory.resolve("data"),
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        if (PrivatePostgres.isRoot()) {
            command.add("--user=mysql");
        }
        try {
            Process install = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("install.log").toFile())
                    .start();
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException(
                        "mariadb-install-db failed: " + Files.readString(directory.resolve("install.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        List<String> command = new ArrayList<>(List.of(
                SERVER.toString(),
                "--no-defaults",
                "--datadir=" + directory.resolve("data"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + directory.resolve("socket"),
                "--pid-file=" + directory.resolve("pid"),
                "--skip-log-bin"));
        if (PrivatePostgres.isRoot()) {
            command.add("--user=mysql");
        }
        try {
            server = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitConnections();
    }

    private void awaitConnections() {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Connection connection = DriverManager.getConnection(adminUrl())) {
                if (connection.isValid(1)) {
                    return;
                }
            } catch (SQLException notYet) {
                // still starting
            }
            pause();
        }
        throw new IllegalStateException("mariadbd did not start: see " + directory.resolve("server.log"));
    }

    private String adminUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/mysql?user=root&connectTimeout=1000";
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as systemd stops the server: it closes every session, then exits. */
    @Override
    public void stop() {
        if (server == null) {
            return;
        }
        server.toHandle().destroy();
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server = null;
    }

    private void createHub(Path sqliteHub, String schemaScript) {
        try (Connection admin = DriverManager.getConnection(adminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE hub CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the hub database: " + e.getMessage(), e);
        }
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqliteHub);
                Connection target =
                        DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/hub?user=root")) {
            HubCopier.copy(source, target, schemaScript, ServerDdl.Engine.MARIADB);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the hub: " + e.getMessage(), e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("hubql-mariadb-");
            if (PrivatePostgres.isRoot()) {
                new ProcessBuilder("chown", "mysql:", directory.toString())
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

    @Override
    public void close() {
        stop();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
