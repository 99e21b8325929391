package org.hubql.db.sqlite;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.hubql.db.sqlite.TokenPick.Owner;
import org.hubql.db.sqlite.TokenPick.Reach;
import org.hubql.db.sqlite.TokenPick.TokenFilter;

/** A {@link TokenFilter} with its dates as {@link DateRange}s, tested on the rows of one {@link TokenIndex}. */
final class TokenMatch implements IntPredicate {
    private final TokenIndex index;
    private final List<DateRange> ranges;
    private final Owner owner;
    private final Optional<Reach> reach;

    private TokenMatch(TokenIndex index, List<DateRange> ranges, Owner owner, Optional<Reach> reach) {
        this.index = index;
        this.ranges = ranges;
        this.owner = owner;
        this.reach = reach;
    }

    /** Empty when one of the filter's instants has no key (a year beyond 9999). */
    static Optional<TokenMatch> of(TokenFilter filter, TokenIndex index) {
        return DateRange.of(filter.dates())
                .map(ranges -> new TokenMatch(index, ranges, filter.owner(), filter.reach()));
    }

    @Override
    public boolean test(int row) {
        return index.rows().within(ranges, row) && ownerMatches(row);
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

    /** How many tokens match. */
    int count() {
        return index.rows().count(ranges, this);
    }
}
