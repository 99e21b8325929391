package org.hubql.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hubql.model.RawJson;
import org.jspecify.annotations.Nullable;

/**
 * One result row, read by column name. A column the statement did not select (because this hub's schema
 * lacks it) reads as null, so row mappers stay the same for every JupyterHub version.
 */
public final class Row {
    private final ResultSet resultSet;
    private final Map<String, Integer> columnIndex;
    private final Dialect dialect;

    Row(ResultSet resultSet, Map<String, Integer> columnIndex, Dialect dialect) {
        this.resultSet = resultSet;
        this.columnIndex = columnIndex;
        this.dialect = dialect;
    }

    public boolean has(String column) {
        return columnIndex.containsKey(column);
    }

    public long id(String column) throws SQLException {
        return resultSet.getLong(index(column));
    }

    public @Nullable Long longOrNull(String column) throws SQLException {
        Integer index = columnIndex.get(column);
        if (index == null) {
            return null;
        }
        long value = resultSet.getLong(index);
        return resultSet.wasNull() ? null : value;
    }

    public @Nullable Integer intOrNull(String column) throws SQLException {
        Long value = longOrNull(column);
        return value == null ? null : Math.toIntExact(value);
    }

    public @Nullable String text(String column) throws SQLException {
        Integer index = columnIndex.get(column);
        return index == null ? null : resultSet.getString(index);
    }

    /** JupyterHub booleans; NULL reads as false, as the hub treats it. */
    public boolean flag(String column) throws SQLException {
        Integer index = columnIndex.get(column);
        return index != null && resultSet.getBoolean(index);
    }

    public @Nullable Instant dateTime(String column) throws SQLException {
        Integer index = columnIndex.get(column);
        return index == null ? null : dialect.readDateTime(resultSet, index);
    }

    /** The integer Unix-epoch columns of the OAuth tables. */
    public @Nullable Instant epochSeconds(String column) throws SQLException {
        Long seconds = longOrNull(column);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    public @Nullable RawJson json(String column) throws SQLException {
        String text = text(column);
        return text == null ? null : new RawJson(text);
    }

    /** A JupyterHub {@code JSONList} column; null when this hub has no such column. */
    public @Nullable List<String> stringList(String column) throws SQLException {
        return has(column) ? JsonText.stringList(text(column)) : null;
    }

    private int index(String column) throws SQLException {
        Integer index = columnIndex.get(column);
        if (index == null) {
            throw new SQLException("column not selected: " + column);
        }
        return index;
    }
}
