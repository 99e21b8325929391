package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.hubql.model.User;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name filters match plain text on SQLite even where its {@code LIKE} cannot: a NUL inside a stored name or a
 * searched text is a character, not the end of the text (which made {@code nameContains: "\u0000"} match everyone).
 */
class NameFilterTest {
    @TempDir
    Path directory;

    @Test
    void a_nul_matches_only_names_holding_one() throws Exception {
        Path hub = TestHub.small(directory);
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + hub);
                PreparedStatement insert = writer.prepareStatement(
                        "INSERT INTO users (id, name, admin, cookie_id) VALUES (7, ?, 0, 'SECRET-cookie-7')")) {
            insert.setString(1, "nul\0name");
            insert.executeUpdate();
        }
        try (Database database = Database.openSqlite(hub, 1)) {
            assertThat(names(database, contains("\0"))).containsExactly("nul\0name");
            assertThat(names(database, contains("l\0n"))).containsExactly("nul\0name");
            assertThat(names(database, contains("l\0x"))).isEmpty();
            assertThat(names(database, startsWith("nul\0"))).containsExactly("nul\0name");
            assertThat(names(database, startsWith("\0"))).isEmpty();
            assertThat(names(database, contains("nul"))).containsExactly("nul\0name");
        }
    }

    private static UserSelection contains(String text) {
        return new UserSelection(text, null, null, null, null, null, null, UserSort.ID, false);
    }

    private static UserSelection startsWith(String text) {
        return new UserSelection(
                null, text, null, null, null, null, null, null, null, null, null, null, UserSort.ID, false);
    }

    private static List<String> names(Database database, UserSelection selection) {
        Sql sql = database.newSql(new SqlTrace(false), 0);
        assertThat(database.queries().users().count(sql, selection))
                .isEqualTo(database.queries()
                        .users()
                        .page(sql, selection, PageWindow.first(100))
                        .size());
        return database.queries().users().page(sql, selection, PageWindow.first(100)).stream()
                .map(User::name)
                .toList();
    }
}
