package org.hubql.db.sqlite;

import java.time.Instant;
import java.util.Optional;

/**
 * A condition on one date column {@code D} of an index's rows: a row without that date matches when
 * {@code nullMatches}; one with it when {@code valueMatches} and the date is not before {@code notBefore}, before
 * {@code before} and after {@code after}, each where given.
 */
public record DateCondition<D extends Enum<D>>(
        D date,
        boolean nullMatches,
        boolean valueMatches,
        Optional<Instant> notBefore,
        Optional<Instant> before,
        Optional<Instant> after) {

    /** {@code date IS NOT NULL AND date < instant} */
    public static <D extends Enum<D>> DateCondition<D> before(D date, Instant instant) {
        return new DateCondition<>(date, false, true, Optional.empty(), Optional.of(instant), Optional.empty());
    }

    /** {@code date > instant} */
    public static <D extends Enum<D>> DateCondition<D> after(D date, Instant instant) {
        return new DateCondition<>(date, false, true, Optional.empty(), Optional.empty(), Optional.of(instant));
    }

    /** {@code date IS NULL OR date >= instant} */
    public static <D extends Enum<D>> DateCondition<D> nullOrNotBefore(D date, Instant instant) {
        return new DateCondition<>(date, true, true, Optional.of(instant), Optional.empty(), Optional.empty());
    }

    /** {@code date IS NULL} when {@code isNull}, else {@code date IS NOT NULL} */
    public static <D extends Enum<D>> DateCondition<D> isNull(D date, boolean isNull) {
        return new DateCondition<>(date, isNull, !isNull, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
