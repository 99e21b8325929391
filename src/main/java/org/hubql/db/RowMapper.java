package org.hubql.db;

import java.sql.SQLException;

/** Turns one {@link Row} into a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row) throws SQLException;
}
