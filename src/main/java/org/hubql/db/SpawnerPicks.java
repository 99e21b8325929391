package org.hubql.db;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hubql.db.sqlite.DateCondition;
import org.hubql.db.sqlite.DateConditions;
import org.hubql.db.sqlite.SpawnerPick;
import org.hubql.db.sqlite.SpawnerPick.Reach;
import org.hubql.db.sqlite.SpawnerPick.SpawnerDate;
import org.hubql.db.sqlite.SpawnerPick.SpawnerFilter;

/**
 * A {@link SpawnerSelection} and its page as the SQLite spawner list index asks them ({@link SpawnerPick}), for the
 * selections it can answer: those filtering only on dates, {@code active}, {@code named} and the viewer's reach,
 * ordered by a date or by id. A filter by name, user or group, the {@code USER_NAME} order, and a hub whose
 * {@code spawners} lacks {@code started} are left to plain SQL.
 */
final class SpawnerPicks {
    private final boolean datesKept;

    SpawnerPicks(HubSchema schema) {
        this.datesKept = schema.has("spawners", "started") && schema.has("spawners", "last_activity");
    }

    Optional<SpawnerPick> pick(SpawnerSelection selection, PageWindow window) {
        if (selection.sort() == SpawnerSort.USER_NAME) {
            return Optional.empty();
        }
        return filter(selection)
                .map(filter -> new SpawnerPick(
                        order(selection.sort()), filter, IndexWindows.of(window, selection.descending())));
    }

    Optional<SpawnerFilter> filter(SpawnerSelection selection) {
        if (!datesKept || selection.name() != null || selection.user() != null || selection.group() != null) {
            return Optional.empty();
        }
        return Optional.of(new SpawnerFilter(
                dates(selection),
                Optional.ofNullable(selection.active()),
                Optional.ofNullable(selection.named()),
                listable(selection.listable()),
                readable(selection.readable())));
    }

    private static List<DateCondition<SpawnerDate>> dates(SpawnerSelection selection) {
        return new DateConditions<SpawnerDate>()
                .before(SpawnerDate.LAST_ACTIVITY, selection.lastActivityBefore())
                .after(SpawnerDate.LAST_ACTIVITY, selection.lastActivityAfter())
                .before(SpawnerDate.STARTED, selection.startedBefore())
                .after(SpawnerDate.STARTED, selection.startedAfter())
                .list();
    }

    /** {@code list:users} reaches spawners by their owner only. */
    private static Optional<Set<Long>> listable(Visible listable) {
        return listable instanceof Visible.Only only ? Optional.of(only.users()) : Optional.empty();
    }

    private static Optional<Reach> readable(Visible readable) {
        return readable instanceof Visible.Only only
                ? Optional.of(new Reach(only.users(), only.spawners()))
                : Optional.empty();
    }

    private static Optional<SpawnerDate> order(SpawnerSort sort) {
        return switch (sort) {
            case LAST_ACTIVITY -> Optional.of(SpawnerDate.LAST_ACTIVITY);
            case STARTED -> Optional.of(SpawnerDate.STARTED);
            case ID, USER_NAME -> Optional.empty();
        };
    }
}
