package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hubql.testkit.HubUnderTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hubs on PostgreSQL and MariaDB are opened read-only by the server itself, and keep every version's columns. */
@Tag("slow")
class ServerDatabaseTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void a_write_through_the_pool_is_refused_by_the_server(String engine) throws Exception {
        try (HubUnderTest.Opened hub = new HubUnderTest(engine, "5.5.1").open();
                Database database = Database.open(hub.location());
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE users SET admin = TRUE"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageMatching("(?is).*read.only.*");
            assertThat(connection.isReadOnly()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void the_schema_of_a_server_hub_is_read_in_lower_case_with_its_revision(String engine) throws Exception {
        try (HubUnderTest.Opened hub = new HubUnderTest(engine, "5.5.1").open();
                Database database = Database.open(hub.location())) {
            HubSchema schema = database.schema();
            assertThat(schema.revision()).isEqualTo("4621fec11365");
            assertThat(schema.releaseLine()).isEqualTo("5.x");
            assertThat(schema.has("api_tokens", "expires_at")).isTrue();
            assertThat(schema.has("services", "user")).isTrue();
            assertThat(schema.oauthTokensInApiTokens()).isTrue();
            assertThat(schema.table("groups")).isEqualTo(engine.equals("mariadb") ? "`groups`" : "\"groups\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void a_wrong_password_is_a_one_line_error_that_never_shows_the_password(String engine) {
        try (HubUnderTest.Opened hub = new HubUnderTest(engine, "0.8").open()) {
            String url = hub.location()
                    .jdbcUrl()
                    .replace("user=postgres", "user=hubql_nobody")
                    .replace("user=root", "user=hubql_nobody");
            DatabaseLocation wrong = DatabaseLocation.parse(url).withPassword("s3cret-Pa55");
            assertThatThrownBy(() -> Database.open(wrong))
                    .isInstanceOf(DatabaseOpenException.class)
                    .hasMessageStartingWith("cannot open jdbc:")
                    .hasMessageNotContaining("s3cret-Pa55");
        }
    }
}
