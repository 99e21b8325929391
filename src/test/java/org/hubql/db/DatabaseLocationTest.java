package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLocationTest {
    @TempDir
    Path directory;

    @Test
    void a_plain_path_and_sqlite_urls_are_sqlite_files() {
        assertThat(DatabaseLocation.parse("jupyterhub.sqlite").file()).isEqualTo(Path.of("jupyterhub.sqlite"));
        assertThat(DatabaseLocation.parse("jdbc:sqlite:/srv/hub.sqlite").file()).isEqualTo(Path.of("/srv/hub.sqlite"));
        assertThat(DatabaseLocation.parse("sqlite:////srv/jupyterhub.sqlite").file())
                .isEqualTo(Path.of("/srv/jupyterhub.sqlite"));
        assertThat(DatabaseLocation.parse("sqlite:///jupyterhub.sqlite").dialect())
                .isEqualTo(Dialect.SQLITE);
    }

    @Test
    void jdbc_urls_pick_the_engine_and_mysql_goes_through_the_mariadb_driver() {
        assertThat(DatabaseLocation.parse("jdbc:postgresql://db/hub").dialect()).isEqualTo(Dialect.POSTGRESQL);
        DatabaseLocation mysql = DatabaseLocation.parse("jdbc:mysql://db:3306/hub?user=hub");
        assertThat(mysql.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mariadb://db:3306/hub?user=hub");
    }

    @Test
    void a_sqlalchemy_postgresql_url_becomes_jdbc_with_decoded_credentials() {
        DatabaseLocation pg = DatabaseLocation.parse(
                "postgresql+psycopg2://hub:p%40ss%3Aword@db.example.org:5433/jupyterhub?sslmode=require");
        assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:5433/jupyterhub?sslmode=require");
        assertThat(pg.user()).isEqualTo("hub");
        assertThat(pg.password()).isEqualTo("p@ss:word");
        assertThat(pg.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    void a_sqlalchemy_mysql_url_drops_driver_options() {
        DatabaseLocation my = DatabaseLocation.parse("mysql+pymysql://hub:secret@db/jupyterhub?charset=utf8mb4");
        assertThat(my.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(my.jdbcUrl()).isEqualTo("jdbc:mariadb://db/jupyterhub");
        assertThat(my.password()).isEqualTo("secret");
    }

    @Test
    void the_password_file_wins_over_the_environment_which_wins_over_the_url() throws Exception {
        DatabaseLocation url = DatabaseLocation.parse("postgresql://hub:from-url@db/hub");
        assertThat(url.withPasswordFrom(null, Map.of()).password()).isEqualTo("from-url");
        assertThat(url.withPasswordFrom(null, Map.of("HUBQL_DB_PASSWORD", "from-env"))
                        .password())
                .isEqualTo("from-env");
        Path file = Files.writeString(directory.resolve("pw"), "from-file\n");
        assertThat(url.withPasswordFrom(file, Map.of("HUBQL_DB_PASSWORD", "from-env"))
                        .password())
                .isEqualTo("from-file");
    }

    @Test
    void a_password_in_a_jdbc_url_is_redacted_and_replaced_by_an_explicit_one() {
        DatabaseLocation jdbc = DatabaseLocation.parse("jdbc:postgresql://db/hub?user=hub&password=hunter2&ssl=true");
        assertThat(jdbc.toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(jdbc.redact("failed for jdbc:postgresql://db/hub?password=hunter2"))
                .doesNotContain("hunter2");
        DatabaseLocation replaced = jdbc.withPassword("other");
        assertThat(replaced.jdbcUrl()).isEqualTo("jdbc:postgresql://db/hub?user=hub&ssl=true");
        assertThat(replaced.redact("x other y")).isEqualTo("x *** y");
    }

    @Test
    void an_unknown_engine_is_refused_without_showing_the_password() {
        assertThatThrownBy(() -> DatabaseLocation.parse("oracle://hub:hunter2@db/hub"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle")
                .hasMessageNotContaining("hunter2");
    }
}
