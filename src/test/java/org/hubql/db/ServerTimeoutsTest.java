package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server outage fails fast: short pool and driver timeouts, where the URL does not set the driver's own. */
class ServerTimeoutsTest {
    private static final DatabaseLocation.Timeouts TIMEOUTS =
            new DatabaseLocation.Timeouts(Duration.ofMillis(1500), Duration.ofSeconds(35));

    private static HikariConfig configured(String url) {
        HikariConfig config = new HikariConfig();
        ServerTimeouts.apply(config, DatabaseLocation.parse(url).withTimeouts(TIMEOUTS));
        return config;
    }

    @Test
    void postgresql_gets_whole_seconds_rounded_up_and_a_short_pool_wait() {
        HikariConfig config = configured("jdbc:postgresql://db/hub?user=hub");
        assertThat(config.getConnectionTimeout()).isEqualTo(1500);
        assertThat(config.getValidationTimeout()).isEqualTo(1000);
        assertThat(config.getDataSourceProperties())
                .containsEntry("connectTimeout", "2")
                .containsEntry("loginTimeout", "2")
                .containsEntry("socketTimeout", "35");
    }

    @Test
    void mariadb_gets_milliseconds() {
        HikariConfig config = configured("mysql+pymysql://hub@db/hub");
        assertThat(config.getDataSourceProperties())
                .containsEntry("connectTimeout", "1500")
                .containsEntry("socketTimeout", "35000");
    }

    @Test
    void a_timeout_the_url_sets_is_left_to_the_url() {
        HikariConfig config = configured("jdbc:postgresql://db/hub?user=hub&SocketTimeout=120");
        assertThat(config.getDataSourceProperties())
                .doesNotContainKey("socketTimeout")
                .containsKey("connectTimeout");
    }
}
