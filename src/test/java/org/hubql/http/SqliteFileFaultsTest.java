package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.db.Database;
import org.hubql.db.SqlTrace;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQLite file under hubql's feet, faults injected for real: renamed away and back, replaced by another hub's
 * file, its first bytes overwritten, truncated. Each answers 503 {@code DATABASE_UNAVAILABLE} and fails
 * {@code /readyz} while it lasts, and hubql recovers by itself once the file is whole again; a hub writing (and
 * growing the file) in either journal mode is never mistaken for a fault.
 */
@Tag("slow")
class SqliteFileFaultsTest {
    private static final String USERS = "{ users { totalCount nodes { name } } }";
    private static final String WHO = "{ viewer { ... on User { name } } }";
    private static final String ALICE = "0123456789abcdef0123456789abcdef";
    private static final String ADMIN = "feedfacefeedfacefeedfacefeedface";
    /** Generous: recovery takes one request once the file is whole; the bound is for a loaded CI machine. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void a_file_renamed_away_is_unavailable_until_it_is_back() throws IOException {
        Path hub = TestHub.small(directory);
        try (RunningGateway gateway = RunningGateway.serve(hub, false)) {
            assertThat(gateway.data(USERS).at("/users/totalCount").asInt()).isPositive();

            Path away = directory.resolve("moved.sqlite");
            Files.move(hub, away);
            assertUnavailable(gateway, USERS);

            Files.move(away, hub);
            awaitAnswer(gateway, USERS);
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_file_replaced_by_another_hubs_serves_the_new_files_tokens_and_never_the_old_ones() throws Exception {
        Path hub = hubWithoutToken(directory.resolve("hub.sqlite"), 11); // alice's token, not the admin's
        Path other = hubWithoutToken(directory.resolve("other.sqlite"), 10); // the admin's token, not alice's
        try (RunningGateway gateway =
                RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults())) {
            for (int i = 0; i < 2; i++) { // the second answer comes from the verified-token cache
                assertThat(gateway.as(ALICE).data(WHO).at("/viewer/name").asText())
                        .isEqualTo("alice");
            }
            assertThat(status(gateway.as(ADMIN), WHO)).isEqualTo(401);

            Files.move(other, hub, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            assertThat(status(gateway.as(ALICE), WHO)).isEqualTo(401);
            assertThat(gateway.as(ADMIN).data(WHO).at("/viewer/name").asText()).isEqualTo("admin");
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_file_replaced_by_a_hub_of_another_schema_is_unavailable_and_says_why() throws Exception {
        Path hub = TestHub.small(directory);
        Path newer = TestHub.sqlite(directory.resolve("newer.sqlite"), "schema-5.5.1.sql");
        try (RunningGateway gateway = RunningGateway.serve(hub, false)) {
            gateway.data(USERS);
            Files.move(newer, hub, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            JsonNode error = assertUnavailable(gateway, USERS);
            assertThat(error.at("/message").asText()).contains("another schema");
            assertThat(RunningGateway.parse(gateway.get("/readyz").body())
                            .at("/reason")
                            .asText())
                    .contains("restart hubql");
        }
    }

    @Test
    void the_first_128_bytes_overwritten_are_unavailable_and_recover_once_restored() throws IOException {
        Path hub = TestHub.small(directory);
        byte[] original = Files.readAllBytes(hub);
        try (RunningGateway gateway = RunningGateway.serve(hub, false)) {
            warmEveryConnection(gateway);

            overwrite(hub, 0, filled(128, (byte) 'x'));
            assertUnavailable(gateway, USERS);

            overwrite(hub, 0, Arrays.copyOf(original, 128));
            awaitAnswer(gateway, USERS);
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void damaged_pages_behind_a_good_header_are_unavailable_and_recover_once_restored() throws Exception {
        Path hub = TestHub.small(directory);
        byte[] original = Files.readAllBytes(hub);
        int pageSize = pageSize(original);
        try (RunningGateway gateway = RunningGateway.serve(hub, false)) {
            warmEveryConnection(gateway);

            // every page after the first garbled, and the change counter moved on as a write moves it, so that SQLite
            // reads the pages again instead of answering from its cache
            ByteBuffer header = ByteBuffer.wrap(Arrays.copyOf(original, 100));
            int changed = header.getInt(24) + 1;
            header.putInt(24, changed).putInt(92, changed);
            overwrite(hub, pageSize, filled(original.length - pageSize, (byte) 0xff));
            overwrite(hub, 0, header.array());
            assertUnavailable(gateway, USERS);

            overwrite(hub, 0, original);
            awaitAnswer(gateway, USERS);
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_truncated_file_is_unavailable_and_recovers_once_whole() throws IOException {
        Path hub = TestHub.small(directory);
        byte[] original = Files.readAllBytes(hub);
        try (RunningGateway gateway = RunningGateway.serve(hub, false)) {
            warmEveryConnection(gateway);

            try (FileChannel file = FileChannel.open(hub, StandardOpenOption.WRITE)) {
                file.truncate(original.length / 2);
            }
            JsonNode error = assertUnavailable(gateway, USERS);
            assertThat(error.at("/message").asText()).contains("truncated");

            overwrite(hub, 0, original);
            awaitAnswer(gateway, USERS);
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void a_live_writer_growing_the_file_never_makes_it_unavailable(String journalMode) throws Exception {
        Path hub = TestHub.small(directory);
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = writer.createStatement();
                Database database = Database.openSqlite(hub, 2)) {
            statement.execute("PRAGMA journal_mode = " + journalMode);
            int reads = 0;
            for (int id = 1000; id < 1300; id++) { // each row about 1 KB: the file grows by a page every few commits
                statement.executeUpdate("INSERT INTO users (id, name, admin, cookie_id) VALUES (" + id + ", 'user-" + id
                        + "-" + "x".repeat(1000) + "', 0, 'cookie-" + id + "')");
                if (journalMode.equals("WAL") && id % 50 == 0) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                reads += database.newSql(new SqlTrace(false), 0)
                        .list("SELECT count(*) AS n FROM users", List.of(), row -> row.id("n"))
                        .size();
            }
            assertThat(reads).isEqualTo(300);
        }
    }

    /** Every pooled connection has run (and kept prepared) the test's statements before the fault. */
    private static void warmEveryConnection(RunningGateway gateway) {
        for (int i = 0; i < 16; i++) {
            gateway.data(USERS);
        }
    }

    /** Asserts a 503 DATABASE_UNAVAILABLE answer and a failing {@code /readyz}; returns the error. */
    private static JsonNode assertUnavailable(RunningGateway gateway, String query) {
        HttpResponse<String> response = gateway.post(RunningGateway.json(Map.of("query", query)), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        JsonNode error = RunningGateway.parse(response.body()).at("/errors/0");
        assertThat(error.at("/extensions/code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        HttpResponse<String> readiness = gateway.get("/readyz");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(RunningGateway.parse(readiness.body()).at("/status").asText())
                .isEqualTo("database unavailable");
        assertThat(gateway.get("/livez").statusCode()).isEqualTo(200);
        return error;
    }

    /** Polls until the query succeeds, within a generous deadline. */
    private static void awaitAnswer(RunningGateway gateway, String query) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        HttpResponse<String> response;
        do {
            response = gateway.post(RunningGateway.json(Map.of("query", query)), "application/json");
            if (response.statusCode() == 200
                    && !RunningGateway.parse(response.body()).has("errors")) {
                return;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no recovery within " + RECOVERY + "; last answer: " + response.body());
    }

    private static int status(RunningGateway gateway, String query) {
        return gateway.post(RunningGateway.json(Map.of("query", query)), "application/json")
                .statusCode();
    }

    private static Path hubWithoutToken(Path file, int tokenId) throws Exception {
        TestHub.sqlite(file, "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM api_tokens WHERE id = " + tokenId);
        }
        return file;
    }

    private static int pageSize(byte[] file) {
        int stored = ByteBuffer.wrap(file).getShort(16) & 0xffff;
        return stored == 1 ? 65_536 : stored;
    }

    private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.seek(offset);
            out.write(bytes);
        }
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
