package org.hubql.db.sqlite;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.hubql.db.sqlite.SpawnerPick.Reach;
import org.hubql.db.sqlite.SpawnerPick.SpawnerFilter;

/** A {@link SpawnerFilter} with its dates as {@link DateRange}s, tested on the rows of one {@link SpawnerListIndex}. */
final class SpawnerMatch implements IntPredicate {
    private final SpawnerListIndex index;
    private final List<DateRange> ranges;
    private final SpawnerFilter filter;

    private SpawnerMatch(SpawnerListIndex index, List<DateRange> ranges, SpawnerFilter filter) {
        this.index = index;
        this.ranges = ranges;
        this.filter = filter;
    }

    /** Empty when one of the filter's instants has no key (a year beyond 9999). */
    static Optional<SpawnerMatch> of(SpawnerFilter filter, SpawnerListIndex index) {
        return DateRange.of(filter.dates()).map(ranges -> new SpawnerMatch(index, ranges, filter));
    }

    @Override
    public boolean test(int row) {
        return index.rows().within(ranges, row)
                && (filter.active().isEmpty() || filter.active().get() == index.running(row))
                && (filter.named().isEmpty() || filter.named().get() == index.named(row))
                && reached(row);
    }

    private boolean reached(int row) {
        long user = index.user(row);
        Optional<Set<Long>> listable = filter.listable();
        Optional<Reach> readable = filter.readable();
        return (listable.isEmpty() || listable.get().contains(user))
                && (readable.isEmpty()
                        || readable.get().users().contains(user)
                        || readable.get().spawners().contains(index.rows().id(row)));
    }

    /** How many spawners match. */
    int count() {
        return index.rows().count(ranges, this);
    }
}
