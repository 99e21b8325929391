package org.hubql.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHubTest {
    private static final String DATETIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}";

    @TempDir
    Path dir;

    @Test
    void writes_the_requested_number_of_users() throws Exception {
        DemoHubSummary summary = DemoHub.write(dir.resolve("hub.sqlite"), 300, 1);

        assertThat(summary.file()).isEqualTo(dir.resolve("hub.sqlite").toAbsolutePath());
        assertThat(summary.users()).isEqualTo(300);
        assertThat(column(summary.file(), "SELECT count(*) FROM users")).containsExactly("300");
        assertThat(column(summary.file(), "SELECT count(*) FROM groups")).containsExactly("12");
        assertThat(column(summary.file(), "SELECT name FROM services ORDER BY id"))
                .containsExactly("cull-idle", "announcement", "grader");
    }

    @Test
    void same_seed_gives_the_same_database() throws Exception {
        Path first = DemoHub.write(dir.resolve("a.sqlite"), 500, 42).file();
        Path second = DemoHub.write(dir.resolve("b.sqlite"), 500, 42).file();
        Path other = DemoHub.write(dir.resolve("c.sqlite"), 500, 43).file();

        assertThat(dump(second)).isEqualTo(dump(first));
        assertThat(dump(other)).isNotEqualTo(dump(first));
    }

    @Test
    void refuses_to_overwrite_an_existing_file() throws Exception {
        Path out = dir.resolve("hub.sqlite");
        byte[] original = "not a database".getBytes();
        Files.write(out, original);

        assertThatThrownBy(() -> DemoHub.write(out, 10, 1))
                .isInstanceOf(DemoHubException.class)
                .hasMessage("refusing to overwrite existing file: " + out.toAbsolutePath());
        assertThat(Files.readAllBytes(out)).isEqualTo(original);
        assertThat(filesIn(dir)).containsExactly("hub.sqlite");
    }

    @Test
    void a_missing_directory_is_reported_in_one_line() {
        Path out = dir.resolve("missing").resolve("hub.sqlite");

        assertThatThrownBy(() -> DemoHub.write(out, 10, 1))
                .isInstanceOf(DemoHubException.class)
                .hasMessage(
                        "directory does not exist: " + dir.resolve("missing").toAbsolutePath());
    }

    @Test
    void a_read_only_directory_is_reported_in_one_line() throws Exception {
        Path readOnly = Files.createDirectory(
                dir.resolve("read-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        assumeFalse(Files.isWritable(readOnly), "running as a user who may write anywhere");

        assertThatThrownBy(() -> DemoHub.write(readOnly.resolve("hub.sqlite"), 10, 1))
                .isInstanceOf(DemoHubException.class)
                .hasMessage("directory is not writable: " + readOnly.toAbsolutePath());
    }

    @Test
    void a_directory_name_that_looks_like_url_syntax_is_taken_literally() throws Exception {
        Path odd = Files.createDirectory(dir.resolve("a?b=1#c d%20ü"));

        Path file = DemoHub.write(odd.resolve("hub.sqlite"), 10, 1).file();

        assertThat(column(file, "SELECT count(*) FROM users")).containsExactly("10");
        assertThat(filesIn(odd)).containsExactly("hub.sqlite");
        assertThat(filesIn(dir)).containsExactly("a?b=1#c d%20ü");
    }

    @Test
    void user_counts_outside_the_range_are_refused() throws Exception {
        assertThatThrownBy(() -> DemoHub.write(dir.resolve("a.sqlite"), -1, 1))
                .isInstanceOf(DemoHubException.class)
                .hasMessageContaining("got -1");
        assertThatThrownBy(() -> DemoHub.write(dir.resolve("b.sqlite"), 10_000_001, 1))
                .isInstanceOf(DemoHubException.class)
                .hasMessageContaining("got 10000001");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void zero_users_give_a_hub_with_only_services() throws Exception {
        DemoHubSummary summary = DemoHub.write(dir.resolve("hub.sqlite"), 0, 1);

        assertThat(column(summary.file(), "SELECT count(*) FROM users")).containsExactly("0");
        assertThat(column(summary.file(), "SELECT identifier FROM oauth_clients"))
                .containsExactly("service-announcement");
        assertThat(summary.adminName()).isNull();
        assertThat(summary.userToken()).isNull();
        assertThat(summary.serviceToken()).hasSize(32);
    }

    @Test
    void the_file_is_a_stamped_0_8_1_hub_with_a_rollback_journal() throws Exception {
        Path file = DemoHub.write(dir.resolve("hub.sqlite"), 50, 1).file();

        assertThat(column(file, "SELECT version_num FROM alembic_version")).containsExactly("3ec6993fe20c");
        assertThat(column(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                .containsExactly(
                        "alembic_version",
                        "api_tokens",
                        "groups",
                        "oauth_access_tokens",
                        "oauth_clients",
                        "oauth_codes",
                        "servers",
                        "services",
                        "spawners",
                        "user_group_map",
                        "users");
        byte[] header = Files.readAllBytes(file);
        assertThat(header[18]).isEqualTo((byte) 1);
        assertThat(header[19]).isEqualTo((byte) 1);
        assertThat(filesIn(dir)).containsExactly("hub.sqlite");
    }

    @Test
    void the_returned_tokens_verify_the_jupyterhub_way() throws Exception {
        DemoHubSummary summary = DemoHub.write(dir.resolve("hub.sqlite"), 100, 7);
        Path file = summary.file();

        assertThat(summary.adminName()).isEqualTo("admin");
        assertThat(summary.userName()).isEqualTo("alice");
        assertThat(summary.serviceName()).isEqualTo("announcement");
        assertThat(tokenOwner(file, summary.adminToken())).isEqualTo("user admin");
        assertThat(tokenOwner(file, summary.userToken())).isEqualTo("user alice");
        assertThat(tokenOwner(file, summary.serviceToken())).isEqualTo("service announcement");
        assertThat(tokenOwner(file, oneCharacterChanged(summary.userToken()))).isNull();
        assertThat(tokenOwner(file, oneCharacterChanged(summary.serviceToken())))
                .isNull();
    }

    @Test
    void tokens_are_stored_as_prefix_and_salted_hash() throws Exception {
        Path file = DemoHub.write(dir.resolve("hub.sqlite"), 200, 3).file();

        assertThat(column(file, "SELECT hashed FROM api_tokens WHERE user_id IS NOT NULL"))
                .allMatch(hashed -> hashed.matches("sha512:1:[0-9a-f]{16}:[0-9a-f]{128}"));
        assertThat(column(file, "SELECT hashed FROM api_tokens WHERE service_id IS NOT NULL"))
                .hasSize(3)
                .allMatch(hashed -> hashed.matches("sha512:16384:[0-9a-f]{16}:[0-9a-f]{128}"));
        assertThat(column(file, "SELECT secret FROM oauth_clients"))
                .allMatch(secret -> secret.matches("sha512:16384:[0-9a-f]{16}:[0-9a-f]{128}"));
        assertThat(column(file, "SELECT count(*) FROM api_tokens WHERE length(prefix) <> 4"))
                .containsExactly("0");
        assertThat(column(file, "SELECT DISTINCT grant_type FROM oauth_access_tokens"))
                .containsExactly("authorization_code");
        assertThat(column(file, "SELECT typeof(expires_at) FROM oauth_codes"))
                .isNotEmpty()
                .containsOnly("integer");
    }

    @Test
    void the_announcement_client_secret_is_the_hashed_service_token() throws Exception {
        DemoHubSummary summary = DemoHub.write(dir.resolve("hub.sqlite"), 10, 5);

        String secret = column(
                        summary.file(), "SELECT secret FROM oauth_clients WHERE identifier = 'service-announcement'")
                .get(0);
        assertThat(JupyterHubTokenHash.matches(secret, summary.serviceToken())).isTrue();
    }

    @Test
    void datetimes_are_naive_utc_text_with_six_fractional_digits() throws Exception {
        Path file = DemoHub.write(dir.resolve("hub.sqlite"), 1000, 11).file();

        List<String> times = new ArrayList<>(column(file, "SELECT last_activity FROM users"));
        times.addAll(column(file, "SELECT last_activity FROM spawners"));
        assertThat(times).contains((String) null);
        assertThat(times.stream().filter(time -> time != null)).isNotEmpty().allMatch(time -> time.matches(DATETIME));
        assertThat(column(file, "SELECT DISTINCT typeof(last_activity) FROM users ORDER BY 1"))
                .containsExactly("null", "text");
    }

    @Test
    void the_hub_has_the_spawners_a_gateway_must_cope_with() throws Exception {
        Path file = DemoHub.write(dir.resolve("hub.sqlite"), 100, 1).file();

        assertThat(column(
                        file,
                        "SELECT count(*) FROM spawners WHERE server_id IS NOT NULL AND state LIKE '{\"pid\": %}'"))
                .doesNotContain("0");
        assertThat(column(file, "SELECT count(*) FROM spawners WHERE server_id IS NULL AND state = '{}'"))
                .doesNotContain("0");
        assertThat(column(file, "SELECT count(*) FROM spawners WHERE name <> ''"))
                .doesNotContain("0");
        assertThat(column(
                        file,
                        "SELECT u.name || '/' || s.name FROM spawners s JOIN users u ON u.id = s.user_id"
                                + " WHERE s.server_id IS NOT NULL AND s.server_id NOT IN (SELECT id FROM servers)"))
                .containsExactly("admin/gpu");
        assertThat(column(file, "SELECT name FROM users WHERE id <= 4"))
                .containsExactly("admin", "alice", "müller", "jane.doe@example.org");
    }

    @Test
    void running_servers_have_0_8_1_urls_and_oauth_clients() throws Exception {
        Path file = DemoHub.write(dir.resolve("hub.sqlite"), 10, 1).file();

        assertThat(column(
                        file,
                        "SELECT v.base_url FROM spawners s JOIN servers v ON v.id = s.server_id"
                                + " WHERE s.user_id <= 4 ORDER BY s.id"))
                .containsExactly("/user/alice/", "/user/m%C3%BCller/", "/user/jane.doe@example.org/ml lab/");
        assertThat(column(file, "SELECT identifier || ' ' || redirect_uri FROM oauth_clients WHERE id <= 4"))
                .containsExactly(
                        "service-announcement /services/announcement/oauth_callback",
                        "user-alice /user/alice/oauth_callback",
                        "user-m%C3%BCller /user/m%C3%BCller/oauth_callback",
                        "user-jane.doe%40example.org-ml%20lab /user/jane.doe@example.org/ml lab/oauth_callback");
        assertThat(column(file, "SELECT count(*) FROM oauth_codes WHERE user_id = 2"))
                .containsExactly("1");
    }

    @Test
    void ten_thousand_users_generate() throws Exception {
        Path file = DemoHub.write(dir.resolve("hub.sqlite"), 10_000, 2026).file();

        assertThat(column(file, "SELECT count(*) FROM users")).containsExactly("10000");
        assertThat(column(file, "SELECT count(*) FROM users WHERE admin = 1").get(0))
                .matches("[3-7]\\d\\d");
        assertThat(column(file, "SELECT count(DISTINCT cookie_id) FROM users")).containsExactly("10000");
    }

    private static String tokenOwner(Path file, String token) throws SQLException {
        String sql = "SELECT t.hashed, u.name, s.name FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id"
                + " LEFT JOIN services s ON s.id = t.service_id WHERE ? LIKE t.prefix || '%'";
        try (Connection connection = open(file);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, token.substring(0, 4));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (JupyterHubTokenHash.matches(rs.getString(1), token)) {
                        return rs.getString(2) != null ? "user " + rs.getString(2) : "service " + rs.getString(3);
                    }
                }
            }
        }
        return null;
    }

    private static String oneCharacterChanged(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static List<String> dump(Path file) throws SQLException {
        List<String> dump = new ArrayList<>();
        for (String table : List.of(
                "users",
                "spawners",
                "servers",
                "user_group_map",
                "api_tokens",
                "oauth_clients",
                "oauth_access_tokens",
                "oauth_codes")) {
            dump.add("-- " + table);
            dump.addAll(rows(file, "SELECT * FROM " + table + " ORDER BY rowid"));
        }
        return dump;
    }

    private static List<String> rows(Path file, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = open(file);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.append(value instanceof byte[] bytes ? JupyterHubTokenHash.hex(bytes) : value)
                            .append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> column(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = open(file);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
