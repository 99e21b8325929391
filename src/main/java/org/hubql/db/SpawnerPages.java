package org.hubql.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.hubql.model.Spawner;
import org.jspecify.annotations.Nullable;

/**
 * {@code Query.spawners}: pages and counts of spawners across users, filtered, ordered and restricted to what the
 * viewer may see, all in SQL. Only spawners whose user exists are listed. Never selects {@code state}.
 *
 * <p>On SQLite, where {@code spawners} has no index on its dates, the spawner list index picks a page's ids and
 * counts ({@link SpawnerPicks}, {@code db.sqlite.Lookup#spawnerPage}): the page is then loaded by primary key, its
 * statement still applying every condition, so a spawner changed since the index was checked drops out rather than
 * showing in the wrong place.
 */
public final class SpawnerPages {
    private static final String FROM =
            " FROM spawners s JOIN users u ON u.id = s.user_id LEFT JOIN servers v ON v.id = s.server_id";

    private final String select;
    private final String groups;
    private final SpawnerPicks picks;

    public SpawnerPages(HubSchema schema) {
        this.groups = schema.table("groups");
        this.select = "SELECT " + SpawnerQueries.columns(schema) + ", u.name AS owner_name" + FROM;
        this.picks = new SpawnerPicks(schema);
    }

    /** A page of spawners and their owners' names (the {@code USER_NAME} order's sort values), in the walk's order. */
    public record Page(List<Spawner> spawners, Map<Long, String> ownerNames) {}

    public Page page(Sql sql, SpawnerSelection selection, PageWindow window) {
        Map<Long, String> owners = new HashMap<>();
        RowMapper<Spawner> mapper = row -> {
            Spawner spawner = SpawnerQueries.map(row);
            owners.put(spawner.id(), row.text("owner_name"));
            return spawner;
        };
        Optional<List<Spawner>> indexed = picks.pick(selection, window)
                .flatMap(pick -> sql.listIndexed(
                        lookup -> lookup.spawnerPage(pick).map(ids -> pageStatement(sql, selection, window, ids)),
                        mapper));
        List<Spawner> rows = indexed.orElseGet(() -> sql.list(pageStatement(sql, selection, window, null), mapper));
        return new Page(rows, owners);
    }

    private SqlFragment pageStatement(Sql sql, SpawnerSelection selection, PageWindow window, long @Nullable [] ids) {
        Where where = where(sql, selection);
        if (ids != null) {
            where.add(sql.dialect().in("s.id", LongStream.of(ids).boxed().toList()));
        }
        return window.statement(select, where, selection.sort().order(selection.descending()));
    }

    /** How many spawners match; on SQLite counted by the spawner list index when it can, with no statement. */
    public int count(Sql sql, SpawnerSelection selection) {
        Optional<Integer> indexed =
                picks.filter(selection).flatMap(filter -> sql.fromIndexes(lookup -> lookup.spawnerCount(filter)));
        return indexed.orElseGet(() -> countStatement(sql, selection));
    }

    private int countStatement(Sql sql, SpawnerSelection selection) {
        Where where = where(sql, selection);
        Integer total = sql.single(
                "SELECT COUNT(*) AS total" + FROM + where.text(), where.params(), row -> row.intOrNull("total"));
        return total == null ? 0 : total;
    }

    private Where where(Sql sql, SpawnerSelection selection) {
        Where where = new Where();
        if (selection.active() != null) {
            where.add(selection.active() ? "v.id IS NOT NULL" : "v.id IS NULL");
        }
        if (selection.named() != null) {
            where.add(selection.named() ? "s.name <> ''" : "(s.name = '' OR s.name IS NULL)");
        }
        if (selection.name() != null) {
            where.add("s.name = ?", selection.name());
        }
        if (selection.user() != null) {
            where.add("u.name = ?", selection.user());
        }
        if (selection.group() != null) {
            where.add(
                    "s.user_id IN (SELECT m.user_id FROM user_group_map m JOIN " + groups
                            + " g ON g.id = m.group_id WHERE g.name = ?)",
                    selection.group());
        }
        where.addIf("s.last_activity < ?", selection.lastActivityBefore());
        where.addIf("s.last_activity > ?", selection.lastActivityAfter());
        where.addIf("s.started < ?", selection.startedBefore());
        where.addIf("s.started > ?", selection.startedAfter());
        restrict(sql, where, selection.listable(), false);
        restrict(sql, where, selection.readable(), true);
        return where;
    }

    /** Only the spawners of the reached users (and, for {@code read:servers}, the reached spawners themselves). */
    private static void restrict(Sql sql, Where where, Visible visible, boolean bySpawner) {
        if (!(visible instanceof Visible.Only only)) {
            return;
        }
        List<SqlFragment> alternatives = new ArrayList<>();
        if (!only.users().isEmpty()) {
            alternatives.add(sql.dialect().in("s.user_id", only.users()));
        }
        if (bySpawner && !only.spawners().isEmpty()) {
            alternatives.add(sql.dialect().in("s.id", only.spawners()));
        }
        where.anyOf(alternatives);
    }
}
