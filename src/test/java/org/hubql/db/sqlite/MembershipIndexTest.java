package org.hubql.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed membership index: pages of members by group, counts, missing users, and the ids it cannot hold. */
class MembershipIndexTest {
    @TempDir
    Path directory;

    @Test
    void a_page_takes_the_first_members_above_the_cursor_in_id_order() throws Exception {
        MembershipIndex index = MembershipIndex.read("8589934597,4294967299,4294967297,8589934593,4294967301", 0);

        assertThat(index.members(1, IdRange.after(null, 10))).containsExactly(1L, 3L, 5L);
        assertThat(index.members(1, IdRange.after(null, 2))).containsExactly(1L, 3L);
        assertThat(index.members(1, IdRange.after(1L, 10))).containsExactly(3L, 5L);
        assertThat(index.members(1, IdRange.after(2L, 1))).containsExactly(3L);
        assertThat(index.members(1, IdRange.after(5L, 10))).isEmpty();
        assertThat(index.members(2, IdRange.after(-7L, 10))).containsExactly(1L, 5L);
        assertThat(index.members(1, IdRange.after(null, 0))).isEmpty();
        assertThat(index.members(0, IdRange.after(null, 10))).isEmpty();
        assertThat(index.members(3, IdRange.after(null, 10))).isEmpty();
        assertThat(index.members(-1, IdRange.after(null, 10))).isEmpty();
        assertThat(index.members(Long.MAX_VALUE, IdRange.after(null, 10))).isEmpty();
        assertThat(index.count(1)).isEqualTo(3);
        assertThat(index.count(3)).isZero();
    }

    @Test
    void reads_the_packed_text_sqlite_builds_for_it_keeping_members_without_a_user_for_counts_only() throws Exception {
        try (Connection connection = BuildStatement.scratch(directory);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE users (id INTEGER PRIMARY KEY)");
            statement.executeUpdate(
                    "CREATE TABLE user_group_map (user_id INTEGER, group_id INTEGER, PRIMARY KEY (user_id, group_id))");
            statement.executeUpdate("INSERT INTO users (id) VALUES (0), (2), (3), (4294967295)");
            statement.executeUpdate(
                    "INSERT INTO user_group_map (user_id, group_id) VALUES (3, 1), (0, 1), (2, 1), (9, 1), "
                            + "(4294967295, 2147483647), (9, 4), (2, 0)");
            MembershipIndex index = read(statement);

            assertThat(index.size()).isEqualTo(7);
            assertThat(index.members(1, IdRange.after(null, 10)))
                    .as("user 9 does not exist")
                    .containsExactly(0L, 2L, 3L);
            assertThat(index.members(1, IdRange.after(0L, 1))).containsExactly(2L);
            assertThat(index.count(1)).isEqualTo(4);
            assertThat(index.members(4, IdRange.after(null, 10))).isEmpty();
            assertThat(index.count(4)).isEqualTo(1);
            assertThat(index.members(0, IdRange.after(null, 10))).containsExactly(2L);
            assertThat(index.members(Integer.MAX_VALUE, IdRange.after(null, 10)))
                    .containsExactly(4_294_967_295L);
            assertThat(index.members(Integer.MAX_VALUE, IdRange.after(4_294_967_295L, 10)))
                    .isEmpty();

            statement.executeUpdate("INSERT INTO user_group_map (user_id, group_id) VALUES (3, 2147483648)");
            assertThatThrownBy(() -> read(statement))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("beyond");
            statement.executeUpdate("DELETE FROM user_group_map WHERE group_id = 2147483648");
            statement.executeUpdate("INSERT INTO user_group_map (user_id, group_id) VALUES (4294967296, 1)");
            assertThatThrownBy(() -> read(statement))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("beyond");
            statement.executeUpdate("DELETE FROM user_group_map");
            assertThat(read(statement).size()).isZero();
        }
    }

    @Test
    void grows_past_its_initial_capacity() throws Exception {
        StringBuilder packed = new StringBuilder();
        for (long user = 100_000; user > 0; user--) {
            packed.append(packed.length() == 0 ? "" : ",").append((user % 7) << 32 | user);
        }
        MembershipIndex index = MembershipIndex.read(packed.toString(), 0);

        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.count(3)).isEqualTo(14_286);
        assertThat(index.members(3, IdRange.after(99_980L, 10))).containsExactly(99_984L, 99_991L, 99_998L);
    }

    private static MembershipIndex read(Statement statement) throws SQLException {
        return BuildStatement.read(statement, MembershipIndex.SELECT, MembershipIndex::read);
    }
}
