package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubql.model.Spawner;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SpawnerQueries.byUserIds} on SQLite: spawner ids from the spawner index, the rows by primary key. */
class SpawnerQueriesTest {
    @TempDir
    Path directory;

    @Test
    void the_spawners_of_a_batch_of_users_are_read_by_primary_key() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 2)) {
            SqlTrace trace = new SqlTrace(true);
            Map<Long, List<Spawner>> spawners =
                    database.queries().spawners().byUserIds(database.newSql(trace, 0), List.of(1L, 2L, 3L, 6L));

            assertThat(spawners).containsOnlyKeys(1L, 2L, 6L);
            assertThat(spawners.get(2L)).extracting(Spawner::name).containsExactly("", "ml");
            assertThat(trace.count()).isEqualTo(1);
            assertThat(UserQueriesTest.plan(hub, trace.statements().get(0).sql()))
                    .contains("SEARCH s USING INTEGER PRIMARY KEY (rowid=?)")
                    .noneMatch(step -> step.startsWith("SCAN s"));
        }
    }

    @Test
    void rows_are_grouped_by_their_own_owner_whatever_ids_a_stale_index_named() {
        List<Spawner> rows = List.of(spawner(1, 2L), spawner(2, 2L), spawner(3, 4L), spawner(4, null), spawner(5, 6L));

        Map<Long, List<Spawner>> byUser = OwnedRows.byOwner(rows, Spawner::userId, Set.of(2L, 5L, 6L));

        assertThat(byUser).containsOnlyKeys(2L, 6L);
        assertThat(byUser.get(2L)).extracting(Spawner::id).containsExactly(1L, 2L);
        assertThat(byUser.get(6L)).extracting(Spawner::id).containsExactly(5L);
    }

    private static Spawner spawner(long id, Long userId) {
        return new Spawner(id, userId, null, "", Instant.EPOCH, null, null);
    }
}
