package org.hubql.db.sqlite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link DateCondition} as {@link DateKey}s: keys {@code lowest} to {@code highest}, both included, of the date
 * column {@code date} (its enum's ordinal); and whether a null date matches.
 */
record DateRange(int date, boolean nullMatches, boolean valueMatches, long lowest, long highest) {

    /** The ranges of these conditions; empty when one of their instants has no key (a year beyond 9999). */
    static Optional<List<DateRange>> of(List<? extends DateCondition<?>> conditions) {
        List<DateRange> ranges = new ArrayList<>(conditions.size());
        for (DateCondition<?> condition : conditions) {
            Optional<DateRange> range = of(condition);
            if (range.isEmpty()) {
                return Optional.empty();
            }
            ranges.add(range.get());
        }
        return Optional.of(List.copyOf(ranges));
    }

    private static Optional<DateRange> of(DateCondition<?> condition) {
        long lowest = 0;
        long highest = Long.MAX_VALUE;
        OptionalLong notBefore = key(condition.notBefore());
        OptionalLong before = key(condition.before());
        OptionalLong after = key(condition.after());
        if ((condition.notBefore().isPresent() && notBefore.isEmpty())
                || (condition.before().isPresent() && before.isEmpty())
                || (condition.after().isPresent() && after.isEmpty())) {
            return Optional.empty();
        }
        if (notBefore.isPresent()) {
            lowest = Math.max(lowest, notBefore.getAsLong());
        }
        if (after.isPresent()) {
            lowest = Math.max(lowest, after.getAsLong() + 1);
        }
        if (before.isPresent()) {
            highest = Math.min(highest, before.getAsLong() - 1);
        }
        return Optional.of(new DateRange(
                condition.date().ordinal(), condition.nullMatches(), condition.valueMatches(), lowest, highest));
    }

    private static OptionalLong key(Optional<Instant> instant) {
        return instant.isEmpty() ? OptionalLong.empty() : DateKey.of(instant.get());
    }

    boolean test(long key) {
        return key == DateKey.NULL ? nullMatches : valueMatches && key >= lowest && key <= highest;
    }

    /** Only rows with this date match, so they can be found in the date's order. */
    boolean bounded() {
        return !nullMatches;
    }
}
