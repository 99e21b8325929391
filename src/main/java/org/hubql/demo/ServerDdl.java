package org.hubql.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the SQLite DDL that JupyterHub's ORM emits into the DDL of a database server, the way SQLAlchemy would
 * render the same models there: {@code DATETIME} becomes {@code TIMESTAMP} (PostgreSQL) or {@code DATETIME(6)}
 * (MySQL/MariaDB), {@code BLOB} {@code BYTEA} on PostgreSQL, and names are quoted; {@code ALTER TABLE … ADD COLUMN}
 * statements (an upgraded hub) get the same types. Foreign keys and CHECKs are left
 * out, so rows can be copied table by table as they are (real hubs hold dangling references, as SQLite never
 * enforced them).
 */
public final class ServerDdl {
    private static final Pattern COLUMN_LINE = Pattern.compile("(\\s+)(\\w+)( .*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE (\\w+) \\(");

    /** The database engines a demo or test hub can be copied to. */
    public enum Engine {
        POSTGRESQL,
        MARIADB
    }

    private ServerDdl() {}

    /** The statements of {@code sqliteScript}, translated for {@code engine}, in order. */
    public static List<String> translate(String sqliteScript, Engine engine) {
        List<String> statements = new ArrayList<>();
        for (String statement : statements(sqliteScript)) {
            statements.add(translateOne(statement, engine));
        }
        return statements;
    }

    /** The tables {@code sqliteScript} creates, in creation order. */
    public static List<String> tables(String sqliteScript) {
        List<String> tables = new ArrayList<>();
        Matcher m = CREATE_TABLE.matcher(sqliteScript);
        while (m.find()) {
            tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    public static String quote(String identifier, Engine engine) {
        return engine == Engine.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        for (String part : script.split(";\\s*\\n|;\\s*$")) {
            StringBuilder kept = new StringBuilder();
            for (String line : part.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    kept.append(line).append('\n');
                }
            }
            if (!kept.toString().isBlank()) {
                statements.add(kept.toString().strip());
            }
        }
        return statements;
    }

    private static String translateOne(String statement, Engine engine) {
        if (statement.toUpperCase(Locale.ROOT).startsWith("ALTER TABLE")) {
            return translateTypes(statement, engine);
        }
        if (!CREATE_TABLE.matcher(statement).lookingAt()) {
            return statement;
        }
        List<String> lines = new ArrayList<>();
        for (String line : statement.split("\n")) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.contains("FOREIGN KEY") || upper.strip().startsWith("CHECK") || upper.contains(" CHECK (")) {
                continue;
            }
            lines.add(translateLine(line.stripTrailing(), engine));
        }
        String body = String.join("\n", lines).replaceAll(",\\s*\\n\\)", "\n)");
        Matcher m = CREATE_TABLE.matcher(body);
        m.lookingAt();
        return m.replaceFirst("CREATE TABLE " + Matcher.quoteReplacement(quote(m.group(1), engine)) + " (")
                + (engine == Engine.MARIADB ? " DEFAULT CHARSET=utf8mb4" : "");
    }

    private static String translateLine(String line, Engine engine) {
        String translated = line;
        Matcher column = COLUMN_LINE.matcher(line);
        if (column.matches()
                && !List.of("CONSTRAINT", "PRIMARY", "UNIQUE")
                        .contains(column.group(2).toUpperCase(Locale.ROOT))) {
            translated = column.group(1) + quote(column.group(2), engine) + column.group(3);
        }
        return translateTypes(translated, engine);
    }

    private static String translateTypes(String sql, Engine engine) {
        if (engine == Engine.POSTGRESQL) {
            return sql.replace(" DATETIME", " TIMESTAMP WITHOUT TIME ZONE").replace(" BLOB", " BYTEA");
        }
        return sql.replace(" DATETIME", " DATETIME(6)");
    }
}
