package org.hubql.db.sqlite;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntPredicate;
import org.hubql.db.sqlite.IndexWindow.Position;
import org.hubql.db.sqlite.OrderView.Place;

/**
 * The rows of an index that pages by date: each row's id, ascending, and its dates as {@link DateKey}s, one array per
 * date column (the ordinal of the index's date enum); and the rows in each date's order, and by id, each sorted the
 * first time a page asks for it. About 4 bytes a row for each order asked for.
 *
 * <p>Not thread-safe: only the thread holding the index's connection asks ({@link ConnectionIndexes}).
 */
final class DatedRows {
    private final long[] ids;
    private final long[][] dates;
    private final OrderView[] views;

    private DatedRows(long[] ids, long[][] dates) {
        this.ids = ids;
        this.dates = dates;
        this.views = new OrderView[dates.length + 1];
    }

    /** No rows, with {@code dateColumns} dates each. */
    static DatedRows none(int dateColumns) {
        return new DatedRows(new long[0], new long[dateColumns][0]);
    }

    /** These rows; empty unless the ids ascend strictly, as the order views need. */
    static Optional<DatedRows> of(long[] ids, long[][] dates) {
        for (int row = 1; row < ids.length; row++) {
            if (ids[row] <= ids[row - 1]) {
                return Optional.empty();
            }
        }
        return Optional.of(new DatedRows(ids, dates));
    }

    /**
     * The ids of the rows {@code matches} keeps within {@code window}, ordered by the date {@code order} names then
     * id (by id alone when empty), in the window's walk order; empty when a position's date has no key.
     */
    Optional<long[]> page(Optional<? extends Enum<?>> order, IndexWindow window, IntPredicate matches) {
        OrderView view = view(order.map(Enum::ordinal));
        Optional<Place> anchor = place(window.anchor(), view);
        Optional<Place> far = place(window.farEnd(), view);
        if (anchor.isEmpty() || far.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                view.walk(window.descending(), window.backward(), anchor.get(), far.get(), window.limit(), matches));
    }

    private static Optional<Place> place(Optional<Position> position, OrderView view) {
        if (position.isEmpty()) {
            return Optional.of(Place.NONE);
        }
        long id = position.get().id();
        if (!view.byDate() || position.get().date().isEmpty()) {
            return Optional.of(new Place(true, DateKey.NULL, id));
        }
        OptionalLong key = DateKey.of(position.get().date().get());
        return key.isPresent() ? Optional.of(new Place(true, key.getAsLong(), id)) : Optional.empty();
    }

    /**
     * How many rows {@code matches} keeps, which keeps none outside {@code ranges}: those in the narrowest range of a
     * date that must be set, found in that date's order, or every row when no date must be.
     */
    int count(List<DateRange> ranges, IntPredicate matches) {
        Optional<DateRange> narrowest = Optional.empty();
        int[] bounds = {0, size()};
        for (DateRange range : ranges) {
            if (!range.bounded()) {
                continue;
            }
            int[] span = view(Optional.of(range.date())).valuedSpan(range.lowest(), range.highest());
            if (narrowest.isEmpty() || span[1] - span[0] < bounds[1] - bounds[0]) {
                narrowest = Optional.of(range);
                bounds = span;
            }
        }
        int matched = 0;
        if (narrowest.isEmpty()) {
            for (int row = 0; row < size(); row++) {
                matched += matches.test(row) ? 1 : 0;
            }
            return matched;
        }
        OrderView view = view(Optional.of(narrowest.get().date()));
        for (int at = bounds[0]; at < bounds[1]; at++) {
            matched += matches.test(view.valuedRow(at)) ? 1 : 0;
        }
        return matched;
    }

    /** Whether the row's dates are in every range. */
    boolean within(List<DateRange> ranges, int row) {
        for (DateRange range : ranges) {
            if (!range.test(dates[range.date()][row])) {
                return false;
            }
        }
        return true;
    }

    private OrderView view(Optional<Integer> date) {
        int slot = date.orElse(views.length - 1);
        if (views[slot] == null) {
            views[slot] =
                    date.map(column -> OrderView.byDate(ids, dates[column])).orElseGet(() -> OrderView.byId(ids));
        }
        return views[slot];
    }

    long id(int row) {
        return ids[row];
    }

    int size() {
        return ids.length;
    }
}
