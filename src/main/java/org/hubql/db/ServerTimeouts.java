package org.hubql.db;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The timeouts that make a database server's outage fail fast instead of hanging: HikariCP's
 * {@code connectionTimeout} (a borrower waits at most this long for a connection, then gets
 * {@code SQLTransientConnectionException}), and the driver's own connect, login and socket timeouts, each set only
 * where the location's URL does not set it already. Names and units are the drivers': pgjdbc counts seconds,
 * MariaDB Connector/J milliseconds.
 */
final class ServerTimeouts {
    /** HikariCP's smallest {@code connectionTimeout} and {@code validationTimeout}. */
    private static final long HIKARI_MINIMUM_MILLIS = 250;
    /** How long checking an idle connection may take before it is given up as broken. */
    private static final long VALIDATION_MILLIS = 1_000;

    private ServerTimeouts() {
        // non-constructable
    }

    static void apply(HikariConfig config, DatabaseLocation location) {
        DatabaseLocation.Timeouts timeouts = location.timeouts();
        long connectMillis = Math.max(HIKARI_MINIMUM_MILLIS, timeouts.connect().toMillis());
        config.setConnectionTimeout(connectMillis);
        config.setValidationTimeout(Math.max(HIKARI_MINIMUM_MILLIS, Math.min(VALIDATION_MILLIS, connectMillis - 1)));
        String url = Objects.requireNonNull(location.jdbcUrl()).toLowerCase(Locale.ROOT);
        if (location.dialect() == Dialect.POSTGRESQL) {
            setUnlessInUrl(config, url, "connectTimeout", seconds(timeouts.connect()));
            setUnlessInUrl(config, url, "loginTimeout", seconds(timeouts.connect()));
            setUnlessInUrl(config, url, "cancelSignalTimeout", seconds(timeouts.connect()));
            setUnlessInUrl(config, url, "socketTimeout", seconds(timeouts.socket()));
        } else {
            setUnlessInUrl(
                    config,
                    url,
                    "connectTimeout",
                    String.valueOf(timeouts.connect().toMillis()));
            setUnlessInUrl(
                    config,
                    url,
                    "socketTimeout",
                    String.valueOf(timeouts.socket().toMillis()));
        }
    }

    private static void setUnlessInUrl(HikariConfig config, String lowerCaseUrl, String property, String value) {
        if (!lowerCaseUrl.matches(".*[?&;]" + property.toLowerCase(Locale.ROOT) + "=.*")) {
            config.addDataSourceProperty(property, value);
        }
    }

    /** pgjdbc's timeouts are whole seconds; a fraction rounds up, so that 1.5 s never becomes 1 s, nor 0.5 s none. */
    private static String seconds(Duration duration) {
        return String.valueOf(Math.max(1, (duration.toMillis() + 999) / 1000));
    }
}
