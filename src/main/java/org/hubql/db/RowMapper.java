package org.hubql.db;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Turns one {@link Row} into a value. */
@FunctionalInterface
public interface RowMapper<T extends @Nullable Object> {
    T map(Row row) throws SQLException;
}
