package org.hubql.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.Dialect;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The hand-written limit: each benchmark query answered by purpose-built SQL over one read-only JDBC connection
 * (SQLite, PostgreSQL or MariaDB) with its prepared statements kept open, streamed to JSON by Jackson's generator.
 * It produces the same JSON as hubql (checked by {@code BaselineParityTest}). Not thread-safe: one per thread.
 */
final class Baseline implements AutoCloseable {
    private static final DateTimeFormatter SQLITE_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendLiteral('Z')
            .optionalEnd()
            .toFormatter();
    private final JsonFactory json = new JsonFactory();
    private final Dialect dialect;
    private final Connection connection;
    private final PreparedStatement userByName;
    private final PreparedStatement userById;
    private final PreparedStatement activePage;
    private final PreparedStatement defaultServers;
    private final PreparedStatement groupsOfUsers;
    private final PreparedStatement userPage;
    private final PreparedStatement spawnersOfUsers;
    private final PreparedStatement tokensOfUsers;
    private final PreparedStatement groupPage;
    private final PreparedStatement membersOfGroups;
    private final PreparedStatement idleServers;
    private final PreparedStatement idleServersOldest;
    private final PreparedStatement expiringTokens;
    private int statements;

    Baseline(DatabaseLocation hub) throws SQLException {
        dialect = hub.dialect();
        connection = connect(hub);
        String groupsTable = dialect.quote("groups");
        String inIds = ids(dialect);
        userByName = connection.prepareStatement("SELECT id, name, admin, last_activity FROM users WHERE name = ?");
        userById = connection.prepareStatement("SELECT id, name, admin, last_activity FROM users WHERE id = ?");
        activePage = connection.prepareStatement("SELECT u.id, u.name, u.last_activity FROM users u WHERE u.id IN"
                + " (SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id) ORDER BY u.id LIMIT ?");
        defaultServers = connection.prepareStatement(sortedAfterFilter(
                dialect,
                "SELECT s.user_id, v.proto, v.ip, v.port, v.base_url, s.name, s.id AS spawner_id FROM spawners s"
                        + " JOIN servers v ON v.id = s.server_id WHERE COALESCE(s.name, '') = '' AND s.user_id"
                        + inIds));
        groupsOfUsers = connection.prepareStatement("SELECT m.user_id, g.name FROM user_group_map m JOIN " + groupsTable
                + " g" + " ON g.id = m.group_id WHERE m.user_id" + inIds + " ORDER BY g.name, g.id");
        userPage = connection.prepareStatement("SELECT id, name, admin, last_activity FROM users ORDER BY id LIMIT ?");
        spawnersOfUsers = connection.prepareStatement(sortedAfterFilter(
                dialect,
                "SELECT s.user_id, s.name, s.last_activity, v.id AS server_id, v.proto, v.ip, v.port, v.base_url,"
                        + " s.id AS spawner_id FROM spawners s LEFT JOIN servers v ON v.id = s.server_id"
                        + " WHERE s.user_id" + inIds));
        tokensOfUsers = connection.prepareStatement(
                "SELECT t.user_id, t.prefix FROM api_tokens t WHERE t.user_id" + inIds + " ORDER BY t.id");
        groupPage = connection.prepareStatement("SELECT id, name FROM " + groupsTable + " ORDER BY name LIMIT ?");
        membersOfGroups = connection.prepareStatement("SELECT group_id, name FROM (SELECT m.group_id, u.name,"
                + " ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY u.id) AS member_rank FROM user_group_map m"
                + " JOIN users u ON u.id = m.user_id WHERE m.group_id" + inIds + ") ranked WHERE member_rank <= ?"
                + " ORDER BY group_id, member_rank");
        String idle = "SELECT s.name, s.last_activity, u.name FROM spawners s"
                + " JOIN users u ON u.id = s.user_id JOIN servers v ON v.id = s.server_id"
                + " WHERE s.last_activity < ?";
        idleServers = connection.prepareStatement(idle + " ORDER BY s.id LIMIT 100");
        idleServersOldest = connection.prepareStatement(idle + " ORDER BY s.last_activity, s.id LIMIT 100");
        expiringTokens = connection.prepareStatement("SELECT t.prefix, t.expires_at, u.name FROM api_tokens t"
                + " LEFT JOIN users u ON u.id = t.user_id WHERE t.expires_at < ? ORDER BY t.id LIMIT 100");
    }

    private static Connection connect(DatabaseLocation hub) throws SQLException {
        if (hub.dialect() == Dialect.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
            return config.createConnection("jdbc:sqlite:" + hub.file().toAbsolutePath());
        }
        Connection server = DriverManager.getConnection(hub.jdbcUrl());
        server.setReadOnly(true);
        return server;
    }

    /**
     * A user's spawners in their order ({@code ORDER BY s.user_id, s.name, s.id}); on MariaDB filtered in a derived
     * table and sorted after, as hubql's {@code Dialect.sortedAfterFilter} does: MariaDB otherwise sorts all of
     * {@code spawners} (no index on {@code user_id}) before it applies the id list. {@code filtered} selects
     * {@code s.user_id}, {@code s.name} and {@code s.id AS spawner_id}.
     */
    private static String sortedAfterFilter(Dialect dialect, String filtered) {
        return dialect == Dialect.MYSQL
                ? "SELECT * FROM (" + filtered + " LIMIT " + Long.MAX_VALUE + ") sorted"
                        + " ORDER BY sorted.user_id, sorted.name, sorted.spawner_id"
                : filtered + " ORDER BY s.user_id, s.name, s.id";
    }

    /** {@code IN} a list of ids bound as one parameter ({@link #idArray}), as hubql's {@code Dialect} does it. */
    private static String ids(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> " IN (SELECT value FROM json_each(?))";
            case POSTGRESQL -> " IN (SELECT unnest(?))";
            case MYSQL -> " IN (SELECT value FROM JSON_TABLE(?, '$[*]' COLUMNS (value BIGINT PATH '$')) AS ids)";
        };
    }

    /** Statements run since the last call. */
    int takeStatements() {
        int count = statements;
        statements = 0;
        return count;
    }

    byte[] run(BenchQuery query, Map<String, Object> variables) throws SQLException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeFieldName("data");
            gen.writeStartObject();
            switch (query) {
                case USER_BY_NAME -> userByName((String) variables.get("name"), gen);
                case DASHBOARD -> dashboard(gen);
                case WIDE -> wide(gen);
                case GROUP_MEMBERS -> groupMembers(gen);
                case NODE -> node((String) variables.get("id"), gen);
                case IDLE_SERVERS -> idleServers(idleServers, (String) variables.get("before"), gen);
                case IDLE_SERVERS_OLDEST -> idleServers(idleServersOldest, (String) variables.get("before"), gen);
                case EXPIRING_TOKENS -> expiringTokens((String) variables.get("before"), gen);
                case NESTED -> nested(((Number) variables.get("first")).intValue(), gen);
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    private void idleServers(PreparedStatement page, String before, JsonGenerator gen)
            throws SQLException, IOException {
        bindInstant(page, before);
        statements++;
        gen.writeObjectFieldStart("spawners");
        gen.writeArrayFieldStart("nodes");
        try (ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
                gen.writeStartObject();
                String name = rs.getString(1);
                gen.writeStringField("name", name == null ? "" : name);
                writeDateTime(gen, "lastActivity", rs.getString(2));
                gen.writeObjectFieldStart("user");
                gen.writeStringField("name", rs.getString(3));
                gen.writeEndObject();
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private void expiringTokens(String before, JsonGenerator gen) throws SQLException, IOException {
        bindInstant(expiringTokens, before);
        statements++;
        gen.writeObjectFieldStart("apiTokens");
        gen.writeArrayFieldStart("nodes");
        try (ResultSet rs = expiringTokens.executeQuery()) {
            while (rs.next()) {
                gen.writeStartObject();
                gen.writeStringField("prefix", rs.getString(1));
                writeDateTime(gen, "expiresAt", rs.getString(2));
                String owner = rs.getString(3);
                if (owner == null) {
                    gen.writeNullField("user");
                } else {
                    gen.writeObjectFieldStart("user");
                    gen.writeStringField("name", owner);
                    gen.writeEndObject();
                }
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /**
     * An ISO-8601 instant as a naive UTC datetime: SQLAlchemy's text on SQLite, which compares with the stored
     * datetimes as text; a {@code TIMESTAMP}/{@code DATETIME} value on the servers.
     */
    private void bindInstant(PreparedStatement statement, String instant) throws SQLException {
        LocalDateTime utc = LocalDateTime.ofInstant(java.time.Instant.parse(instant), ZoneOffset.UTC);
        if (dialect == Dialect.SQLITE) {
            statement.setString(
                    1, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(utc));
        } else {
            statement.setObject(1, utc);
        }
    }

    private void userByName(String name, JsonGenerator gen) throws SQLException, IOException {
        userByName.setString(1, name);
        gen.writeFieldName("user");
        writeOneUser(userByName, gen);
    }

    private void node(String id, JsonGenerator gen) throws SQLException, IOException {
        String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        gen.writeFieldName("node");
        if (!raw.startsWith("User:")) {
            gen.writeNull();
            return;
        }
        userById.setLong(1, Long.parseLong(raw.substring("User:".length())));
        writeOneUser(userById, gen);
    }

    private void writeOneUser(PreparedStatement statement, JsonGenerator gen) throws SQLException, IOException {
        statements++;
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                gen.writeNull();
                return;
            }
            gen.writeStartObject();
            gen.writeStringField("id", BenchQuery.userNodeId(rs.getLong(1)));
            gen.writeStringField("name", rs.getString(2));
            gen.writeBooleanField("admin", rs.getBoolean(3));
            writeDateTime(gen, "lastActivity", rs.getString(4));
            gen.writeEndObject();
        }
    }

    private void dashboard(JsonGenerator gen) throws SQLException, IOException {
        List<Long> ids = new ArrayList<>(100);
        List<String> names = new ArrayList<>(100);
        List<String> activity = new ArrayList<>(100);
        activePage.setInt(1, 100);
        statements++;
        try (ResultSet rs = activePage.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                names.add(rs.getString(2));
                activity.add(rs.getString(3));
            }
        }
        Object keys = idArray(ids);
        Map<Long, String> urls = defaultServerUrls(keys);
        Map<Long, List<String>> groups = groupNames(keys);
        gen.writeObjectFieldStart("users");
        gen.writeArrayFieldStart("nodes");
        for (int i = 0; i < ids.size(); i++) {
            gen.writeStartObject();
            gen.writeStringField("name", names.get(i));
            writeDateTime(gen, "lastActivity", activity.get(i));
            writeServer(gen, urls.containsKey(ids.get(i)), urls.get(ids.get(i)));
            writeGroups(gen, groups.get(ids.get(i)));
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private Map<Long, String> defaultServerUrls(Object keys) throws SQLException {
        Map<Long, String> urls = new HashMap<>();
        defaultServers.setObject(1, keys);
        statements++;
        try (ResultSet rs = defaultServers.executeQuery()) {
            while (rs.next()) {
                urls.putIfAbsent(rs.getLong(1), url(rs, 2));
            }
        }
        return urls;
    }

    private Map<Long, List<String>> groupNames(Object keys) throws SQLException {
        Map<Long, List<String>> groups = new HashMap<>();
        groupsOfUsers.setObject(1, keys);
        statements++;
        try (ResultSet rs = groupsOfUsers.executeQuery()) {
            while (rs.next()) {
                groups.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>(4)).add(rs.getString(2));
            }
        }
        return groups;
    }

    private record UserRow(long id, String name, boolean admin, String lastActivity) {}

    /** A spawner and its server's columns; {@code active} when the server row exists. */
    private record SpawnerRow(
            String name, String lastActivity, boolean active, String proto, String ip, Integer port, String baseUrl) {
        String url() {
            return active ? Baseline.url(proto, ip, port, baseUrl) : null;
        }
    }

    /** The first {@code first} users by id. */
    private List<UserRow> userPage(int first) throws SQLException {
        List<UserRow> users = new ArrayList<>(first);
        userPage.setInt(1, first);
        statements++;
        try (ResultSet rs = userPage.executeQuery()) {
            while (rs.next()) {
                users.add(new UserRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
            }
        }
        return users;
    }

    private Object idsOf(List<UserRow> users) throws SQLException {
        return idArray(users.stream().map(UserRow::id).toList());
    }

    private Map<Long, List<SpawnerRow>> spawnersOf(Object keys) throws SQLException {
        Map<Long, List<SpawnerRow>> spawners = new HashMap<>();
        spawnersOfUsers.setObject(1, keys);
        statements++;
        try (ResultSet rs = spawnersOfUsers.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                rs.getLong(4);
                boolean active = !rs.wasNull();
                String proto = rs.getString(5);
                String ip = rs.getString(6);
                int port = rs.getInt(7);
                Integer portOrNull = rs.wasNull() ? null : port;
                spawners.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>(2))
                        .add(new SpawnerRow(
                                name == null ? "" : name,
                                rs.getString(3),
                                active,
                                proto,
                                ip,
                                portOrNull,
                                rs.getString(8)));
            }
        }
        return spawners;
    }

    private void wide(JsonGenerator gen) throws SQLException, IOException {
        List<UserRow> users = userPage(1000);
        Object keys = idsOf(users);
        Map<Long, List<SpawnerRow>> spawners = spawnersOf(keys);
        Map<Long, List<String>> groups = groupNames(keys);
        Map<Long, List<String>> tokens = new HashMap<>();
        tokensOfUsers.setObject(1, keys);
        statements++;
        try (ResultSet rs = tokensOfUsers.executeQuery()) {
            while (rs.next()) {
                tokens.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>(2)).add(rs.getString(2));
            }
        }
        gen.writeObjectFieldStart("users");
        gen.writeArrayFieldStart("nodes");
        for (UserRow user : users) {
            long id = user.id();
            List<SpawnerRow> own = spawners.getOrDefault(id, List.of());
            gen.writeStartObject();
            gen.writeStringField("id", BenchQuery.userNodeId(id));
            gen.writeStringField("name", user.name());
            gen.writeBooleanField("admin", user.admin());
            writeDateTime(gen, "lastActivity", user.lastActivity());
            SpawnerRow byDefault =
                    own.stream().filter(s -> s.name().isEmpty()).findFirst().orElse(null);
            writeServer(gen, byDefault != null && byDefault.active(), byDefault == null ? null : byDefault.url());
            gen.writeArrayFieldStart("spawners");
            for (SpawnerRow spawner : own) {
                gen.writeStartObject();
                gen.writeStringField("name", spawner.name());
                gen.writeBooleanField("active", spawner.active());
                writeDateTime(gen, "lastActivity", spawner.lastActivity());
                writeServer(gen, spawner.active(), spawner.url());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            writeGroups(gen, groups.get(id));
            gen.writeArrayFieldStart("apiTokens");
            for (String prefix : tokens.getOrDefault(id, List.of())) {
                gen.writeStartObject();
                gen.writeStringField("prefix", prefix);
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private void nested(int first, JsonGenerator gen) throws SQLException, IOException {
        List<UserRow> users = userPage(first);
        Object keys = idsOf(users);
        Map<Long, List<SpawnerRow>> spawners = spawnersOf(keys);
        Map<Long, List<String>> groups = groupNames(keys);
        gen.writeObjectFieldStart("users");
        gen.writeArrayFieldStart("nodes");
        for (UserRow user : users) {
            gen.writeStartObject();
            gen.writeStringField("name", user.name());
            gen.writeBooleanField("admin", user.admin());
            writeDateTime(gen, "lastActivity", user.lastActivity());
            gen.writeArrayFieldStart("spawners");
            for (SpawnerRow spawner : spawners.getOrDefault(user.id(), List.of())) {
                gen.writeStartObject();
                gen.writeStringField("name", spawner.name());
                gen.writeFieldName("server");
                if (spawner.active()) {
                    gen.writeStartObject();
                    gen.writeStringField("ip", spawner.ip());
                    writeNullableInt(gen, "port", spawner.port());
                    gen.writeStringField("baseUrl", spawner.baseUrl());
                    gen.writeEndObject();
                } else {
                    gen.writeNull();
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            writeGroups(gen, groups.get(user.id()));
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeNullableInt(JsonGenerator gen, String field, Integer value) throws IOException {
        if (value == null) {
            gen.writeNullField(field);
        } else {
            gen.writeNumberField(field, value);
        }
    }

    private void groupMembers(JsonGenerator gen) throws SQLException, IOException {
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        groupPage.setInt(1, 100);
        statements++;
        try (ResultSet rs = groupPage.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                names.add(rs.getString(2));
            }
        }
        Map<Long, List<String>> members = new HashMap<>();
        membersOfGroups.setObject(1, idArray(ids));
        membersOfGroups.setInt(2, 50);
        statements++;
        try (ResultSet rs = membersOfGroups.executeQuery()) {
            while (rs.next()) {
                members.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>(50))
                        .add(rs.getString(2));
            }
        }
        gen.writeObjectFieldStart("groups");
        gen.writeArrayFieldStart("nodes");
        for (int i = 0; i < ids.size(); i++) {
            gen.writeStartObject();
            gen.writeStringField("name", names.get(i));
            gen.writeObjectFieldStart("users");
            gen.writeArrayFieldStart("nodes");
            for (String member : members.getOrDefault(ids.get(i), List.of())) {
                gen.writeStartObject();
                gen.writeStringField("name", member);
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeServer(JsonGenerator gen, boolean present, String url) throws IOException {
        gen.writeFieldName("server");
        if (!present) {
            gen.writeNull();
        } else {
            gen.writeStartObject();
            gen.writeStringField("url", url);
            gen.writeEndObject();
        }
    }

    private static void writeGroups(JsonGenerator gen, List<String> names) throws IOException {
        gen.writeArrayFieldStart("groups");
        if (names != null) {
            for (String name : names) {
                gen.writeStartObject();
                gen.writeStringField("name", name);
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
    }

    /** The server URL from columns proto, ip, port, base_url starting at {@code first}; null when a part is missing. */
    private static String url(ResultSet rs, int first) throws SQLException {
        String proto = rs.getString(first);
        String ip = rs.getString(first + 1);
        int port = rs.getInt(first + 2);
        Integer portOrNull = rs.wasNull() ? null : port;
        return url(proto, ip, portOrNull, rs.getString(first + 3));
    }

    private static String url(String proto, String ip, Integer port, String baseUrl) {
        if (proto == null || ip == null || port == null) {
            return null;
        }
        String host = ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
        return proto + "://" + host + ":" + port + (baseUrl == null ? "" : baseUrl);
    }

    private static void writeDateTime(JsonGenerator gen, String field, String text) throws IOException {
        if (text == null || text.isBlank()) {
            gen.writeNullField(field);
        } else {
            gen.writeStringField(
                    field,
                    LocalDateTime.parse(text.trim(), SQLITE_DATETIME)
                            .toInstant(ZoneOffset.UTC)
                            .toString());
        }
    }

    /** The ids as one parameter: a PostgreSQL array, or the text of a JSON array elsewhere. */
    private Object idArray(List<Long> ids) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return connection.createArrayOf("bigint", ids.toArray());
        }
        StringBuilder text = new StringBuilder(ids.size() * 7 + 2).append('[');
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(ids.get(i));
        }
        return text.append(']').toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
