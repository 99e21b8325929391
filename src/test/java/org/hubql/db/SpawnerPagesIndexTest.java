package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hubql.demo.DemoHub;
import org.hubql.model.Spawner;
import org.hubql.testkit.HubWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Query.spawners}' pages and counts on SQLite, picked by the spawner list index, against plain SQL on the same
 * file: every indexed filter, every order both ways, walked forward and backward by pages, with spawners sharing a
 * date, spawners without one, stopped servers whose {@code server_id} is still set, spawners whose user is gone,
 * viewers who reach only some users or spawners, and again after the hub has written.
 */
class SpawnerPagesIndexTest {
    private static final String FROM =
            " FROM spawners s JOIN users u ON u.id = s.user_id LEFT JOIN servers v ON v.id = s.server_id";
    private static final Set<Long> LISTED_USERS =
            LongStream.rangeClosed(1, 40).boxed().collect(Collectors.toUnmodifiableSet());
    private static final Set<Long> READ_SPAWNERS =
            LongStream.iterate(1, id -> id <= 90, id -> id + 3).boxed().collect(Collectors.toUnmodifiableSet());

    @TempDir
    Path directory;

    Path hub;

    @BeforeEach
    void hub() throws Exception {
        hub = DemoHub.write(directory.resolve("hub.sqlite"), 150, 7, "5.5.1").file();
        HubWriter.commit(
                hub,
                "UPDATE spawners SET last_activity = printf('2026-10-%02d %02d:00:00.000000', id % 28 + 1, id % 3)",
                "UPDATE spawners SET last_activity = NULL WHERE id % 11 = 5",
                "UPDATE spawners SET started = printf('2026-09-%02d 12:00:00.%06d', id % 30 + 1, id % 3)"
                        + " WHERE server_id IS NOT NULL OR id % 17 = 2",
                "DELETE FROM servers WHERE id IN (SELECT server_id FROM spawners WHERE id % 6 = 1)",
                "UPDATE spawners SET name = NULL WHERE id % 23 = 4 AND name = ''",
                "INSERT INTO spawners (id, user_id, server_id, name, last_activity, started) VALUES"
                        + " (90001, 999999, NULL, 'lost', '2026-10-05 01:00:00.000000', '2026-09-05 12:00:00.000000'),"
                        + " (90002, NULL, NULL, '', '2026-10-06 01:00:00.000000', NULL)");
    }

    /** A filter the index answers, as a selection and as the WHERE plain SQL would use. */
    private record Filter(
            String where,
            Boolean active,
            Boolean named,
            Instant lastActivityBefore,
            Instant lastActivityAfter,
            Instant startedBefore,
            Instant startedAfter,
            Visible listable,
            Visible readable) {

        static Filter of(String where) {
            return new Filter(where, null, null, null, null, null, null, Visible.ALL, Visible.ALL);
        }

        Filter active(boolean value) {
            return new Filter(
                    where,
                    value,
                    named,
                    lastActivityBefore,
                    lastActivityAfter,
                    startedBefore,
                    startedAfter,
                    listable,
                    readable);
        }

        Filter named(boolean value) {
            return new Filter(
                    where,
                    active,
                    value,
                    lastActivityBefore,
                    lastActivityAfter,
                    startedBefore,
                    startedAfter,
                    listable,
                    readable);
        }

        Filter lastActivity(Instant before, Instant after) {
            return new Filter(where, active, named, before, after, startedBefore, startedAfter, listable, readable);
        }

        Filter started(Instant before, Instant after) {
            return new Filter(
                    where, active, named, lastActivityBefore, lastActivityAfter, before, after, listable, readable);
        }

        Filter reach(Visible listableBy, Visible readableBy) {
            return new Filter(
                    where,
                    active,
                    named,
                    lastActivityBefore,
                    lastActivityAfter,
                    startedBefore,
                    startedAfter,
                    listableBy,
                    readableBy);
        }

        SpawnerSelection selection(SpawnerSort sort, boolean descending) {
            return new SpawnerSelection(
                    active,
                    named,
                    null,
                    null,
                    null,
                    lastActivityBefore,
                    lastActivityAfter,
                    startedBefore,
                    startedAfter,
                    listable,
                    readable,
                    sort,
                    descending);
        }
    }

    private static List<Filter> filters() {
        Instant tenth = Instant.parse("2026-10-10T00:00:00Z");
        Instant twentiethAtTwo = Instant.parse("2026-10-20T02:00:00Z");
        Instant fifteenthTick = Instant.parse("2026-09-15T12:00:00.000001Z");
        Visible someUsers = new Visible.Only(LISTED_USERS, Set.of(), Set.of());
        return List.of(
                Filter.of(""),
                Filter.of(" WHERE v.id IS NOT NULL").active(true),
                Filter.of(" WHERE v.id IS NULL AND s.name <> ''").active(false).named(true),
                Filter.of(" WHERE (s.name = '' OR s.name IS NULL)").named(false),
                Filter.of(" WHERE v.id IS NOT NULL AND s.last_activity < '2026-10-10 00:00:00.000000'")
                        .active(true)
                        .lastActivity(tenth, null),
                Filter.of(" WHERE s.last_activity > '2026-10-20 02:00:00.000000'"
                                + " AND s.started < '2026-09-15 12:00:00.000001'")
                        .lastActivity(null, twentiethAtTwo)
                        .started(fifteenthTick, null),
                Filter.of(" WHERE s.started > '2026-09-15 12:00:00.000001' AND v.id IS NULL")
                        .started(null, fifteenthTick)
                        .active(false),
                Filter.of(" WHERE s.user_id IN (" + joined(LISTED_USERS) + ") AND (s.user_id IN (2, 3) OR s.id IN ("
                                + joined(READ_SPAWNERS) + "))")
                        .reach(someUsers, new Visible.Only(Set.of(2L, 3L), READ_SPAWNERS, Set.of())),
                Filter.of(" WHERE s.id IN (" + joined(READ_SPAWNERS)
                                + ") AND s.last_activity < '2026-10-10 00:00:00.000000'")
                        .lastActivity(tenth, null)
                        .reach(Visible.ALL, new Visible.Only(Set.of(), READ_SPAWNERS, Set.of())),
                Filter.of(" WHERE 1 = 0").reach(new Visible.Only(Set.of(), READ_SPAWNERS, Set.of()), Visible.ALL));
    }

    private static String joined(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Test
    void every_filter_and_order_pages_both_ways_as_plain_sql_sorts_including_ties_and_missing_dates() throws Exception {
        assertThat(plainIds(" WHERE s.last_activity IS NULL", SpawnerSort.ID, false))
                .hasSizeGreaterThan(10);
        assertThat(plainIds(" WHERE s.started IS NULL", SpawnerSort.ID, false)).hasSizeGreaterThan(20);
        assertThat(plainIds(" WHERE s.last_activity = '2026-10-05 01:00:00.000000'", SpawnerSort.ID, false))
                .hasSizeGreaterThan(1);
        assertThat(plainIds(" WHERE v.id IS NULL AND s.server_id IS NOT NULL", SpawnerSort.ID, false))
                .isNotEmpty();
        assertThat(plainIds(" WHERE s.name IS NULL", SpawnerSort.ID, false)).isNotEmpty();
        assertThat(plainIds("", SpawnerSort.ID, false)).doesNotContain(90001L, 90002L);
        for (Filter filter : filters().subList(0, filters().size() - 1)) {
            assertThat(plainIds(filter.where(), SpawnerSort.ID, false))
                    .as(filter.where())
                    .isNotEmpty();
        }
        try (Database database = Database.openSqlite(hub, 1)) {
            assertAllPagesAgree(database);
        }
    }

    @Test
    void pages_and_counts_follow_the_hub_after_it_writes() throws Exception {
        try (Database database = Database.openSqlite(hub, 1)) {
            assertAllPagesAgree(database);
            HubWriter.commit(
                    hub,
                    "DELETE FROM servers WHERE id IN (SELECT server_id FROM spawners WHERE id % 4 = 0)",
                    "UPDATE spawners SET last_activity = '2026-10-01 00:00:00.000000' WHERE id % 5 = 1",
                    "UPDATE spawners SET started = NULL WHERE id % 7 = 0",
                    "UPDATE spawners SET name = 'renamed' WHERE id % 9 = 3",
                    "DELETE FROM spawners WHERE id % 13 = 2",
                    "DELETE FROM users WHERE id = 7",
                    "INSERT INTO spawners (id, user_id, name, last_activity, started)"
                            + " VALUES (90003, 2, 'late', '2026-10-09 11:00:00.000000', '2026-09-01 12:00:00.000000')");
            assertAllPagesAgree(database);
        }
    }

    @Test
    void a_page_reads_spawners_by_primary_key_and_a_count_runs_no_statement() throws Exception {
        try (Database database = Database.openSqlite(hub, 1)) {
            SpawnerPages pages = database.queries().spawnerPages();
            Filter idle = filters().get(4);
            SpawnerSelection selection = idle.selection(SpawnerSort.LAST_ACTIVITY, false);
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);

            assertThat(pages.page(sql, selection, PageWindow.first(2)).spawners())
                    .hasSize(3);
            assertThat(pages.count(sql, selection))
                    .isEqualTo(plainIds(idle.where(), SpawnerSort.ID, false).size());

            assertThat(trace.upkeep()).hasSize(1);
            assertThat(trace.upkeep().get(0).sql()).contains("FROM spawners s WHERE s.user_id IN");
            assertThat(trace.count()).isEqualTo(1);
            List<String> plan = PlainSqlite.plan(hub, trace.statements().get(0).sql());
            assertThat(plan).contains("SEARCH s USING INTEGER PRIMARY KEY (rowid=?)");
            assertThat(plan).noneMatch(step -> step.startsWith("SCAN s"));
        }
    }

    @Test
    void a_filter_by_user_and_the_user_name_order_stay_plain_sql() throws Exception {
        try (Database database = Database.openSqlite(hub, 1)) {
            SpawnerPages pages = database.queries().spawnerPages();
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);
            SpawnerSelection byOwner = Filter.of("").selection(SpawnerSort.USER_NAME, false);

            assertThat(pages.page(sql, byOwner, PageWindow.first(1000)).spawners().stream()
                            .map(Spawner::id)
                            .toList())
                    .isEqualTo(plainIds("", SpawnerSort.USER_NAME, false));
            assertThat(trace.upkeep()).isEmpty();
            assertThat(trace.statements().get(0).sql()).doesNotContain("json_each");
        }
    }

    @Test
    void a_date_of_another_shape_leaves_every_page_to_plain_sql() throws Exception {
        HubWriter.commit(hub, "UPDATE spawners SET started = '2026-09-29T10:00:00' WHERE id = 4");
        try (Database database = Database.openSqlite(hub, 1)) {
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);
            SpawnerPages pages = database.queries().spawnerPages();
            SpawnerSelection byStart = Filter.of("").selection(SpawnerSort.STARTED, false);

            List<Spawner> page =
                    pages.page(sql, byStart, PageWindow.first(1000)).spawners();

            assertThat(page.stream().map(Spawner::id).toList()).isEqualTo(plainIds("", SpawnerSort.STARTED, false));
            assertThat(trace.upkeep()).hasSize(1);
            assertThat(trace.statements().get(0).sql()).doesNotContain("json_each");
            assertThat(pages.count(sql, byStart)).isEqualTo(page.size());
            assertThat(trace.count()).isEqualTo(2);
        }
    }

    private void assertAllPagesAgree(Database database) throws Exception {
        SpawnerPages pages = database.queries().spawnerPages();
        for (Filter filter : filters()) {
            for (SpawnerSort sort : SpawnerSort.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    SpawnerSelection selection = filter.selection(sort, desc);
                    List<Long> expected = plainIds(filter.where(), sort, desc);
                    String as = sort + (desc ? " DESC" : " ASC") + filter.where();
                    Sql sql = database.newSql(new SqlTrace(false), 0);
                    assertThat(pages.count(sql, selection)).as(as).isEqualTo(expected.size());
                    KeysetWalk.assertEveryWalkReads(
                            expected, window -> keyed(pages.page(sql, selection, window), sort), as);
                }
            }
        }
    }

    /** A page's spawners as a walk needs them. */
    private static List<KeysetWalk.Keyed> keyed(SpawnerPages.Page page, SpawnerSort sort) {
        return page.spawners().stream()
                .map(spawner -> new KeysetWalk.Keyed(spawner.id(), sortValue(sort, spawner, page)))
                .toList();
    }

    private static Object sortValue(SpawnerSort sort, Spawner spawner, SpawnerPages.Page page) {
        return switch (sort) {
            case LAST_ACTIVITY -> spawner.lastActivity();
            case STARTED -> spawner.started();
            case USER_NAME -> page.ownerNames().get(spawner.id());
            case ID -> null;
        };
    }

    private List<Long> plainIds(String where, SpawnerSort sort, boolean descending) throws SQLException {
        String direction = descending ? " DESC" : " ASC";
        String orderBy = switch (sort) {
            case ID -> "s.id" + direction;
            case USER_NAME -> "u.name" + direction + ", s.id" + direction;
            case LAST_ACTIVITY, STARTED ->
                "s." + sort.column() + " IS NULL, s." + sort.column() + direction + ", s.id" + direction;
        };
        return PlainSqlite.ids(hub, "SELECT s.id" + FROM + where + " ORDER BY " + orderBy);
    }
}
