package org.hubql.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed spawner index: lookups by user, running users, and the ids it cannot hold. */
class SpawnerIndexTest {
    @TempDir
    Path directory;

    @Test
    void spawner_ids_come_by_user_then_id_whatever_the_order_rows_arrived_in() throws Exception {
        SpawnerIndex index = SpawnerIndex.read(
                packed(
                        spawner(9, 3, false),
                        spawner(2, 1, false),
                        spawner(7, 3, true),
                        spawner(5, 1, true),
                        spawner(4, 2, false)),
                0);

        assertThat(index.spawnerIds(List.of(3L, 1L))).containsExactly(2L, 5L, 7L, 9L);
        assertThat(index.spawnerIds(List.of(2L, 2L))).containsExactly(4L);
        assertThat(index.spawnerIds(List.of(4L, 0L, -1L, Long.MAX_VALUE))).isEmpty();
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void a_user_runs_when_any_of_its_spawners_has_a_server() throws Exception {
        SpawnerIndex index = SpawnerIndex.read(
                packed(
                        spawner(1, 10, true),
                        spawner(2, 10, true),
                        spawner(3, 11, false),
                        spawner(4, 12, false),
                        spawner(5, 12, true)),
                0);

        assertThat(List.of(10L, 11L, 12L, 13L).stream().filter(index::running)).containsExactly(10L, 12L);
        assertThat(index.runningUserIds()).containsExactly(10L, 12L);
    }

    @Test
    void grows_past_its_initial_capacity() throws Exception {
        List<String> spawners = new ArrayList<>();
        for (long id = 100_000; id > 0; id--) {
            spawners.add(spawner(id, id / 3, id % 2 == 0));
        }
        SpawnerIndex index = SpawnerIndex.read(String.join(",", spawners), 0);

        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.spawnerIds(List.of(33_333L))).containsExactly(99_999L, 100_000L);
        assertThat(index.running(33_333L)).isTrue();
        assertThat(index.running(33_334L)).isFalse();
    }

    @Test
    void the_largest_ids_it_packs_read_back_and_a_build_that_counted_larger_ones_is_refused() throws Exception {
        SpawnerIndex index = SpawnerIndex.read(spawner(0xFFFF_FFFFL, Integer.MAX_VALUE, true), 0);
        assertThat(index.spawnerIds(List.of((long) Integer.MAX_VALUE))).containsExactly(0xFFFF_FFFFL);
        assertThat(index.running(Integer.MAX_VALUE)).isTrue();

        assertThatThrownBy(() -> SpawnerIndex.read("1", 3))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("3 spawners have ids beyond those hubql can index");
    }

    @Test
    void reads_the_packed_text_sqlite_builds_for_it() throws Exception {
        try (Connection connection = BuildStatement.scratch(directory);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE servers (id INTEGER PRIMARY KEY)");
            statement.executeUpdate(
                    "CREATE TABLE spawners (id INTEGER PRIMARY KEY, user_id INTEGER, server_id INTEGER)");
            statement.executeUpdate("INSERT INTO servers (id) VALUES (1), (2)");
            statement.executeUpdate("INSERT INTO spawners (id, user_id, server_id) VALUES (0, 0, 1), (7, 3, NULL), "
                    + "(8, 3, 9), (4294967295, 2147483647, 2), (12, NULL, 2)");
            SpawnerIndex index = read(statement);
            assertThat(index.size()).isEqualTo(4);
            assertThat(index.spawnerIds(List.of(0L, 3L, 2_147_483_647L))).containsExactly(0L, 7L, 8L, 4_294_967_295L);
            assertThat(index.runningUserIds()).as("server 9 does not exist").containsExactly(0L, 2_147_483_647L);

            statement.executeUpdate("INSERT INTO spawners (id, user_id) VALUES (13, 2147483648)");
            assertThatThrownBy(() -> read(statement))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("beyond");
            statement.executeUpdate("DELETE FROM spawners");
            assertThat(read(statement).size()).isZero();
        }
    }

    /** A spawner as the build statement packs it: negated when it runs. */
    static String spawner(long spawnerId, long userId, boolean running) throws SQLException {
        long packed = PackedIds.pack(userId, spawnerId);
        return String.valueOf(running ? ~packed : packed);
    }

    private static String packed(String... spawners) {
        return String.join(",", spawners);
    }

    private static SpawnerIndex read(Statement statement) throws SQLException {
        return BuildStatement.read(statement, SpawnerIndex.SELECT, SpawnerIndex::read);
    }
}
