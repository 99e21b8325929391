package org.hubql.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hubql.db.sqlite.SpawnerPick.Reach;
import org.hubql.db.sqlite.SpawnerPick.SpawnerDate;
import org.hubql.db.sqlite.SpawnerPick.SpawnerFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spawner list index, read from its build statement on a scratch file: what it keeps of each spawner, and when it answers nothing. */
class SpawnerListIndexTest {
    private static final SpawnerFilter EVERY =
            new SpawnerFilter(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @TempDir
    Path directory;

    Connection connection;
    Statement statement;

    @BeforeEach
    void tables() throws SQLException {
        connection = BuildStatement.scratch(directory);
        statement = connection.createStatement();
        statement.executeUpdate("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
        statement.executeUpdate("CREATE TABLE servers (id INTEGER PRIMARY KEY)");
        statement.executeUpdate("CREATE TABLE spawners (id INTEGER PRIMARY KEY, user_id INTEGER, server_id INTEGER,"
                + " name TEXT, started TEXT, last_activity TEXT)");
        statement.executeUpdate("INSERT INTO users (id) VALUES (1), (2)");
        statement.executeUpdate("INSERT INTO servers (id) VALUES (10)");
        statement.executeUpdate("INSERT INTO spawners (id, user_id, server_id, name, started, last_activity) VALUES"
                + " (1, 1, 10, '', '2026-11-01 10:00:00.000000', '2026-11-02 10:00:00.000000'),"
                + " (2, 1, 11, 'gpu', NULL, '2026-11-01 10:00:00.000000'),"
                + " (3, 2, NULL, NULL, NULL, NULL),"
                + " (4, 3, 10, 'orphan', NULL, NULL),"
                + " (5, NULL, NULL, '', NULL, NULL)");
    }

    @Test
    void keeps_only_spawners_whose_user_exists_running_when_their_server_row_does() throws Exception {
        SpawnerListIndex index = read();

        assertThat(index.size()).as("spawner 4's user is gone, 5 has none").isEqualTo(3);
        assertThat(index.count(EVERY)).contains(3);
        assertThat(index.count(filter(Optional.of(true), Optional.empty())))
                .as("server 11 is gone")
                .contains(1);
        assertThat(index.count(filter(Optional.empty(), Optional.of(true))))
                .as("a null name is not named")
                .contains(1);
        assertThat(index.count(filter(Optional.of(false), Optional.of(false)))).contains(1);
    }

    @Test
    void pages_by_a_date_with_the_spawners_without_it_last_either_way() throws Exception {
        SpawnerListIndex index = read();

        assertThat(page(index, SpawnerDate.LAST_ACTIVITY, false)).containsExactly(2L, 1L, 3L);
        assertThat(page(index, SpawnerDate.LAST_ACTIVITY, true)).containsExactly(1L, 2L, 3L);
        assertThat(page(index, SpawnerDate.STARTED, true)).containsExactly(1L, 3L, 2L);
    }

    @Test
    void a_viewer_reaches_spawners_of_its_listable_users_it_may_read_by_user_or_by_spawner() throws Exception {
        SpawnerListIndex index = read();
        SpawnerFilter reach = new SpawnerFilter(
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Set.of(1L)),
                Optional.of(new Reach(Set.of(), Set.of(2L, 3L))));

        assertThat(index.count(reach)).contains(1);
    }

    @Test
    void a_date_not_of_sqlalchemys_shape_or_not_text_makes_it_answer_nothing() throws Exception {
        statement.executeUpdate("UPDATE spawners SET started = '2026-11-01T10:00:00' WHERE id = 3");
        assertThat(read().count(EVERY)).isEmpty();

        statement.executeUpdate("UPDATE spawners SET started = 1764000000 WHERE id = 3");
        assertThat(read().count(EVERY)).isEmpty();
        assertThat(read().page(pick(SpawnerDate.STARTED, false))).isEmpty();

        statement.executeUpdate("UPDATE spawners SET started = NULL WHERE id = 3");
        assertThat(read().count(EVERY)).contains(3);
    }

    @Test
    void an_empty_table_reads_as_no_spawners() throws Exception {
        statement.executeUpdate("DELETE FROM spawners");

        assertThat(read().count(EVERY)).contains(0);
        assertThat(read().page(pick(SpawnerDate.LAST_ACTIVITY, false)))
                .hasValueSatisfying(ids -> assertThat(ids).isEmpty());
    }

    private static SpawnerFilter filter(Optional<Boolean> active, Optional<Boolean> named) {
        return new SpawnerFilter(List.of(), active, named, Optional.empty(), Optional.empty());
    }

    private static SpawnerPick pick(SpawnerDate order, boolean descending) {
        return new SpawnerPick(
                Optional.of(order), EVERY, new IndexWindow(descending, Optional.empty(), Optional.empty(), false, 10));
    }

    private static List<Long> page(SpawnerListIndex index, SpawnerDate order, boolean descending) {
        return index.page(pick(order, descending))
                .map(ids -> Arrays.stream(ids).boxed().toList())
                .orElseThrow();
    }

    private SpawnerListIndex read() throws SQLException {
        return BuildStatement.read(statement, SpawnerListIndex.SELECT, SpawnerListIndex::read);
    }

    @AfterEach
    void close() throws SQLException {
        statement.close();
        connection.close();
    }
}
