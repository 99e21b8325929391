package org.hubql.db.sqlite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The date conditions of one filter, gathered from its optional bounds: a bound not given adds no condition, so a
 * filter's bounds read as one chain instead of an {@code if} each.
 */
public final class DateConditions<D extends Enum<D>> {
    private final List<DateCondition<D>> conditions = new ArrayList<>();

    /** {@code date < instant}, when {@code instant} is given. */
    public DateConditions<D> before(D date, @Nullable Instant instant) {
        if (instant != null) {
            conditions.add(DateCondition.before(date, instant));
        }
        return this;
    }

    /** {@code date > instant}, when {@code instant} is given. */
    public DateConditions<D> after(D date, @Nullable Instant instant) {
        if (instant != null) {
            conditions.add(DateCondition.after(date, instant));
        }
        return this;
    }

    /** {@code date IS NULL} or {@code date IS NOT NULL}, when {@code isNull} is given. */
    public DateConditions<D> isNull(D date, @Nullable Boolean isNull) {
        if (isNull != null) {
            conditions.add(DateCondition.isNull(date, isNull));
        }
        return this;
    }

    /** Any condition of its own. */
    public DateConditions<D> and(DateCondition<D> condition) {
        conditions.add(condition);
        return this;
    }

    public List<DateCondition<D>> list() {
        return List.copyOf(conditions);
    }
}
