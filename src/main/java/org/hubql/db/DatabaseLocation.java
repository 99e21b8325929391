package org.hubql.db;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the hub database is, parsed from {@code --db}: a SQLite file path, a JDBC URL
 * ({@code jdbc:sqlite:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:}) or the SQLAlchemy
 * URL of a {@code jupyterhub_config.py} ({@code postgresql[+driver]://user:pass@host[:port]/db},
 * {@code mysql[+driver]://…}, {@code sqlite:///path}). The password never appears in {@link #toString()}.
 */
public final class DatabaseLocation {
    /** {@code scheme[+driver]://[user[:password]@]host[:port]/database[?query]} */
    private static final Pattern SQLALCHEMY =
            Pattern.compile("(?<scheme>[a-z]+)(\\+[a-z0-9_]+)?://(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?"
                    + "(?<host>[^/:?]*|\\[[^]]*])(?::(?<port>\\d+))?(?:/(?<database>[^?]*))?(?:\\?(?<query>.*))?");

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private final Dialect dialect;
    private final @Nullable Path file;
    private final @Nullable String jdbcUrl;
    private final @Nullable String user;
    private final @Nullable String password;
    private final Timeouts timeouts;

    /**
     * How long to wait for a database server: for a connection ({@code connect}: HikariCP's {@code connectionTimeout}
     * and the driver's connect and login timeouts) and for a server that stops answering in the middle of a
     * statement ({@code socket}: the driver's socket timeout). Not used for SQLite.
     */
    public record Timeouts(Duration connect, Duration socket) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(35));
    }

    private DatabaseLocation(
            Dialect dialect,
            @Nullable Path file,
            @Nullable String jdbcUrl,
            @Nullable String user,
            @Nullable String password,
            Timeouts timeouts) {
        this.dialect = dialect;
        this.file = file;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.timeouts = timeouts;
    }

    private DatabaseLocation(
            Dialect dialect,
            @Nullable Path file,
            @Nullable String jdbcUrl,
            @Nullable String user,
            @Nullable String password) {
        this(dialect, file, jdbcUrl, user, password, Timeouts.DEFAULT);
    }

    public static DatabaseLocation sqlite(Path file) {
        return new DatabaseLocation(Dialect.SQLITE, file, null, null, null);
    }

    /** Parses any form {@code --db} accepts; throws {@link IllegalArgumentException} (password redacted) otherwise. */
    public static DatabaseLocation parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return sqlite(Path.of(text.substring("jdbc:sqlite:".length())));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseLocation(Dialect.POSTGRESQL, null, text, null, null);
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return new DatabaseLocation(
                    Dialect.MYSQL, null, "jdbc:mariadb:" + text.substring(text.indexOf(':', 5) + 1), null, null);
        }
        if (lower.startsWith("sqlite:///")) {
            return sqlite(Path.of(text.substring("sqlite:///".length())));
        }
        if (lower.matches("[a-z]+(\\+[a-z0-9_]+)?://.*")) {
            return fromSqlAlchemy(text);
        }
        return sqlite(Path.of(text));
    }

    private static DatabaseLocation fromSqlAlchemy(String url) {
        Matcher m = SQLALCHEMY.matcher(url);
        if (!m.matches() || m.group("database") == null || m.group("database").isEmpty()) {
            throw new IllegalArgumentException("not a database URL this hubql understands: " + redact(url, null));
        }
        String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
        Dialect dialect = switch (scheme) {
            case "postgresql", "postgres" -> Dialect.POSTGRESQL;
            case "mysql", "mariadb" -> Dialect.MYSQL;
            default ->
                throw new IllegalArgumentException(
                        "unsupported database engine '" + scheme + "' in " + redact(url, null));
        };
        String host = m.group("host").isEmpty() ? "localhost" : m.group("host");
        String port = m.group("port") == null ? "" : ":" + m.group("port");
        String query = dialect == Dialect.POSTGRESQL && m.group("query") != null ? "?" + m.group("query") : "";
        String jdbc = "jdbc:" + (dialect == Dialect.POSTGRESQL ? "postgresql" : "mariadb") + "://" + host + port + "/"
                + m.group("database") + query;
        return new DatabaseLocation(dialect, null, jdbc, decode(m.group("user")), decode(m.group("password")));
    }

    private static @Nullable String decode(@Nullable String text) {
        return text == null || text.isEmpty() ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * The password from {@code --db-password-file} (first line) if given, else from the environment variable
     * {@code HUBQL_DB_PASSWORD} if set, else the one in the URL.
     */
    public DatabaseLocation withPasswordFrom(@Nullable Path passwordFile, Map<String, String> environment)
            throws IOException {
        if (passwordFile != null) {
            String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            return withPassword((newline < 0 ? content : content.substring(0, newline)).strip());
        }
        String fromEnvironment = environment.get("HUBQL_DB_PASSWORD");
        return fromEnvironment == null ? this : withPassword(fromEnvironment);
    }

    public DatabaseLocation withPassword(String newPassword) {
        String url = jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)([?&;])password=[^&;]*[&;]?", "$1");
        return new DatabaseLocation(dialect, file, url, user, newPassword, timeouts);
    }

    /** The same database, waited for as {@code newTimeouts} says (where its URL does not set the driver's own). */
    public DatabaseLocation withTimeouts(Timeouts newTimeouts) {
        return new DatabaseLocation(dialect, file, jdbcUrl, user, password, newTimeouts);
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The SQLite file; null for a database server. */
    public @Nullable Path file() {
        return file;
    }

    public @Nullable String jdbcUrl() {
        return jdbcUrl;
    }

    public @Nullable String user() {
        return user;
    }

    public @Nullable String password() {
        return password;
    }

    /** Removes the password from a message about this database. */
    public String redact(String message) {
        return redact(message, password);
    }

    private static String redact(String text, String password) {
        String redacted = PASSWORD_PARAM.matcher(text).replaceAll("$1***");
        redacted = redacted.replaceAll("(://[^:@/]*):[^@/]*@", "$1:***@");
        return password == null || password.isEmpty() ? redacted : redacted.replace(password, "***");
    }

    /** The file, or the JDBC URL with any password replaced by {@code ***}. */
    @Override
    public String toString() {
        return file != null ? file.toString() : redact(jdbcUrl);
    }
}
