package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening hub databases: read-only, never created, never locked for long, and clear refusals. */
class DatabaseTest {
    @TempDir
    Path directory;

    @Test
    void serving_queries_leaves_the_file_byte_for_byte_unchanged_and_creates_no_side_files() throws Exception {
        Path hub = TestHub.small(directory);
        String before = sha256(hub);
        List<Path> filesBefore = listing();
        try (RunningGateway gateway = RunningGateway.serve(hub, true)) {
            gateway.data(
                    "{ users { nodes { name spawners { server { url } } groups { name } apiTokens { prefix } } } hub { userCount } }");
        }
        assertThat(sha256(hub)).isEqualTo(before);
        assertThat(listing()).isEqualTo(filesBefore);
    }

    @Test
    void building_and_using_the_spawner_and_membership_indexes_changes_neither_the_file_nor_its_directory()
            throws Exception {
        Path hub = TestHub.small(directory);
        String before = sha256(hub);
        long size = Files.size(hub);
        FileTime modified = Files.getLastModifiedTime(hub);
        List<Path> filesBefore = listing();
        int rebuilds = 0;
        try (RunningGateway gateway = RunningGateway.serve(hub, true)) {
            for (int i = 0; i < 3; i++) {
                JsonNode upkeep = gateway.query(
                                "{ active: users(filter: {active: true}) { totalCount nodes { name server { url } "
                                        + "spawners { name } spawner(name: \"ml\") { name } } } idle: users(filter: {active: false}) { totalCount } "
                                        + "groups { nodes { users(first: 2) { totalCount nodes { name } } } } }")
                        .at("/extensions/sql/upkeep");
                rebuilds += upkeep.size();
            }
        }
        assertThat(rebuilds).isGreaterThanOrEqualTo(2);
        assertThat(sha256(hub)).isEqualTo(before);
        assertThat(Files.size(hub)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(hub)).isEqualTo(modified);
        assertThat(listing()).isEqualTo(filesBefore);
    }

    @Test
    void a_write_through_the_pool_is_refused_by_sqlite() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 2)) {
            Sql sql = database.newSql(new SqlTrace(false), 0);
            assertThatThrownBy(() -> sql.list("DELETE FROM users RETURNING id", List.of(), row -> row.id("id")))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessage("a database read failed");
            assertThat(sql.list("SELECT COUNT(*) AS n FROM users", List.of(), row -> row.id("n")))
                    .containsExactly(6L);
        }
    }

    @Test
    void a_missing_file_is_refused_and_not_created() {
        Path missing = directory.resolve("missing.sqlite");
        assertThatThrownBy(() -> Database.openSqlite(missing, 2))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessage("database file not found: " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void a_directory_is_refused() {
        assertThatThrownBy(() -> Database.openSqlite(directory, 2)).hasMessageStartingWith("not a database file");
    }

    @Test
    void a_file_that_is_not_sqlite_is_refused_in_one_line() throws Exception {
        Path text = Files.writeString(
                directory.resolve("notes.txt"), "this is not a database, just some text\n".repeat(200));
        assertThatThrownBy(() -> Database.openSqlite(text, 2))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessageStartingWith("cannot open " + text)
                .hasMessageNotContaining("\n");
        assertThat(Files.readString(text)).startsWith("this is not a database");
    }

    @Test
    void an_empty_file_and_a_foreign_sqlite_database_are_not_jupyterhub_databases() throws Exception {
        Path empty = Files.createFile(directory.resolve("empty.sqlite"));
        assertThatThrownBy(() -> Database.openSqlite(empty, 2))
                .hasMessageStartingWith("not a JupyterHub database (no table 'users')");
        assertThat(Files.size(empty)).isZero();

        Path foreign = directory.resolve("foreign.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + foreign);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)");
        }
        assertThatThrownBy(() -> Database.openSqlite(foreign, 2))
                .hasMessageStartingWith("not a JupyterHub database (no table 'servers')");
    }

    @Test
    void the_hub_can_write_while_the_gateway_serves_and_the_gateway_sees_the_change() throws Exception {
        Path hub = TestHub.small(directory);
        try (RunningGateway gateway = RunningGateway.serve(hub, false)) {
            assertThat(gateway.data("{ hub { userCount } }")
                            .at("/hub/userCount")
                            .asInt())
                    .isEqualTo(6);
            try (Connection hubConnection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                    Statement statement = hubConnection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 2000");
                statement.execute(
                        "INSERT INTO users (id, name, admin, cookie_id) VALUES (7, 'erin', 0, 'SECRET-cookie-erin')");
            }
            assertThat(gateway.data("{ user(name: \"erin\") { databaseId } }")
                            .at("/user/databaseId")
                            .asInt())
                    .isEqualTo(7);
        }
    }

    private List<Path> listing() throws Exception {
        try (var files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
