package org.hubql.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A WHERE clause built condition by condition, with its parameters in order. */
final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    Where add(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    Where add(SqlFragment condition) {
        conditions.add(condition.text());
        params.addAll(condition.params());
        return this;
    }

    Where addAll(Collection<SqlFragment> conditions) {
        conditions.forEach(this::add);
        return this;
    }

    /** The condition with its one value, when the value is given; nothing otherwise. */
    Where addIf(String condition, @Nullable Object value) {
        return value == null ? this : add(condition, value);
    }

    /** At least one of the alternatives; with none, no row at all. */
    Where anyOf(List<SqlFragment> alternatives) {
        if (alternatives.isEmpty()) {
            return none();
        }
        List<Object> values = new ArrayList<>();
        alternatives.forEach(alternative -> values.addAll(alternative.params()));
        return add(new SqlFragment(
                "("
                        + String.join(
                                " OR ",
                                alternatives.stream().map(SqlFragment::text).toList()) + ")",
                values));
    }

    /** A case-insensitive substring condition on {@code column}; text with a NUL, which no engine stores, matches nothing. */
    Where contains(String column, String text) {
        return text.indexOf('\0') >= 0 ? none() : add("LOWER(" + column + ") LIKE ? ESCAPE '!'", containsPattern(text));
    }

    /** A condition that nothing matches: a viewer whose grants reach no row. */
    Where none() {
        conditions.add("1 = 0");
        return this;
    }

    String text() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<Object> params() {
        return params;
    }

    /** {@code %text%} for a case-insensitive {@code LIKE … ESCAPE '!'}, with the pattern characters escaped. */
    private static String containsPattern(String text) {
        return "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_")
                + "%";
    }
}
