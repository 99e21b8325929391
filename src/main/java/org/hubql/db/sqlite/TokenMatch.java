package org.hubql.db.sqlite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntPredicate;
import org.hubql.db.sqlite.TokenPick.DateCondition;
import org.hubql.db.sqlite.TokenPick.Owner;
import org.hubql.db.sqlite.TokenPick.Reach;
import org.hubql.db.sqlite.TokenPick.TokenDate;
import org.hubql.db.sqlite.TokenPick.TokenFilter;

/** A {@link TokenFilter} with its dates as {@link DateKey}s, tested on the rows of one {@link TokenIndex}. */
final class TokenMatch implements IntPredicate {
    private final TokenIndex index;
    private final List<Range> ranges;
    private final Owner owner;
    private final Optional<Reach> reach;

    private TokenMatch(TokenIndex index, List<Range> ranges, Owner owner, Optional<Reach> reach) {
        this.index = index;
        this.ranges = ranges;
        this.owner = owner;
        this.reach = reach;
    }

    /** Keys {@code lowest} to {@code highest}, both included, of one date; and whether a null date matches. */
    private record Range(TokenDate date, boolean nullMatches, boolean valueMatches, long lowest, long highest) {
        boolean test(long key) {
            return key == DateKey.NULL ? nullMatches : valueMatches && key >= lowest && key <= highest;
        }

        /** Only tokens with this date match, so they can be found in the date's order. */
        boolean bounded() {
            return !nullMatches;
        }
    }

    /** Empty when one of the filter's instants has no key (a year beyond 9999). */
    static Optional<TokenMatch> of(TokenFilter filter, TokenIndex index) {
        List<Range> ranges = new ArrayList<>(filter.dates().size());
        for (DateCondition condition : filter.dates()) {
            Optional<Range> range = range(condition);
            if (range.isEmpty()) {
                return Optional.empty();
            }
            ranges.add(range.get());
        }
        return Optional.of(new TokenMatch(index, List.copyOf(ranges), filter.owner(), filter.reach()));
    }

    private static Optional<Range> range(DateCondition condition) {
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
        return Optional.of(
                new Range(condition.date(), condition.nullMatches(), condition.valueMatches(), lowest, highest));
    }

    private static OptionalLong key(Optional<Instant> instant) {
        return instant.isEmpty() ? OptionalLong.empty() : DateKey.of(instant.get());
    }

    @Override
    public boolean test(int row) {
        for (Range range : ranges) {
            if (!range.test(index.date(range.date(), row))) {
                return false;
            }
        }
        return ownerMatches(row);
    }

    private boolean ownerMatches(int row) {
        long user = index.user(row);
        long service = index.service(row);
        if ((owner == Owner.USER && user < 0) || (owner == Owner.SERVICE && service < 0)) {
            return false;
        }
        return reach.isEmpty()
                || (user >= 0 && reach.get().users().contains(user))
                || (service >= 0 && reach.get().services().contains(service));
    }

    /**
     * How many tokens match: those in the narrowest range of a date the filter requires, found in that date's order,
     * or every token when it requires none.
     */
    int count(TokenIndex tokens) {
        Optional<Range> narrowest = Optional.empty();
        int[] bounds = {0, tokens.size()};
        for (Range range : ranges) {
            if (!range.bounded()) {
                continue;
            }
            int[] span = tokens.view(Optional.of(range.date())).valuedSpan(range.lowest(), range.highest());
            if (narrowest.isEmpty() || span[1] - span[0] < bounds[1] - bounds[0]) {
                narrowest = Optional.of(range);
                bounds = span;
            }
        }
        int matched = 0;
        if (narrowest.isEmpty()) {
            for (int row = 0; row < tokens.size(); row++) {
                matched += test(row) ? 1 : 0;
            }
            return matched;
        }
        TokenOrderView view = tokens.view(Optional.of(narrowest.get().date()));
        for (int at = bounds[0]; at < bounds[1]; at++) {
            matched += test(view.valuedRow(at)) ? 1 : 0;
        }
        return matched;
    }
}
