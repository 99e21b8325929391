package org.hubql.db.sqlite;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One page of API tokens as the token index picks it: the tokens {@code filter} keeps, in {@code order}, from the
 * {@code anchor} (included) walking forward, or backward when {@code backward}, never reaching {@code farEnd}, at most
 * {@code limit} of them. This mirrors a keyset page's SQL ({@code org.hubql.db.PageWindow}): tokens without the
 * order's date come after the others in either direction.
 */
public record TokenPick(
        TokenOrder order,
        boolean descending,
        TokenFilter filter,
        Optional<Position> anchor,
        Optional<Position> farEnd,
        boolean backward,
        int limit) {

    /** The orders of {@code Query.apiTokens}: a date column then the id, or the id alone. */
    public enum TokenOrder {
        CREATED(TokenDate.CREATED),
        LAST_ACTIVITY(TokenDate.LAST_ACTIVITY),
        EXPIRES_AT(TokenDate.EXPIRES_AT),
        ID(null);

        private final @Nullable TokenDate date;

        TokenOrder(@Nullable TokenDate date) {
            this.date = date;
        }

        Optional<TokenDate> date() {
            return Optional.ofNullable(date);
        }
    }

    /** The date columns of {@code api_tokens} the index keeps. */
    public enum TokenDate {
        CREATED,
        LAST_ACTIVITY,
        EXPIRES_AT
    }

    /** A token's place in the order: its date (empty when it has none, or for the id order) and its id. */
    public record Position(Optional<Instant> date, long id) {}

    /**
     * Which tokens a page or a count keeps: every date condition, the owner kind, and, for a viewer whose grants reach
     * only some owners, those owners' tokens.
     */
    public record TokenFilter(List<DateCondition> dates, Owner owner, Optional<Reach> reach) {}

    /** Whose tokens: anyone's, users' only, services' only. */
    public enum Owner {
        ANY,
        USER,
        SERVICE
    }

    /** The users and services whose tokens a viewer may read. */
    public record Reach(Set<Long> users, Set<Long> services) {}

    /**
     * A condition on one date: a token without that date matches when {@code nullMatches}; one with it when
     * {@code valueMatches} and the date is not before {@code notBefore}, before {@code before} and after
     * {@code after}, each where given.
     */
    public record DateCondition(
            TokenDate date,
            boolean nullMatches,
            boolean valueMatches,
            Optional<Instant> notBefore,
            Optional<Instant> before,
            Optional<Instant> after) {

        /** {@code date IS NOT NULL AND date < instant} */
        public static DateCondition before(TokenDate date, Instant instant) {
            return new DateCondition(date, false, true, Optional.empty(), Optional.of(instant), Optional.empty());
        }

        /** {@code date > instant} */
        public static DateCondition after(TokenDate date, Instant instant) {
            return new DateCondition(date, false, true, Optional.empty(), Optional.empty(), Optional.of(instant));
        }

        /** {@code date IS NULL OR date >= instant} */
        public static DateCondition nullOrNotBefore(TokenDate date, Instant instant) {
            return new DateCondition(date, true, true, Optional.of(instant), Optional.empty(), Optional.empty());
        }

        /** {@code date IS NULL} when {@code isNull}, else {@code date IS NOT NULL} */
        public static DateCondition isNull(TokenDate date, boolean isNull) {
            return new DateCondition(date, isNull, !isNull, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
