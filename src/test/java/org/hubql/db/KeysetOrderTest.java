package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keyset SQL against its definition: for every position, direction, walk and inclusiveness, the rows
 * {@link KeysetOrder#beyond} selects in {@link KeysetOrder#orderBy} order are exactly the rows after that position
 * in the order a Java comparator gives (values ascending or descending, rows without one last, then ids).
 */
class KeysetOrderTest {
    private record Row(long id, String value) {}

    private static final List<Row> ROWS = List.of(
            new Row(1, "b"),
            new Row(2, null),
            new Row(3, "a"),
            new Row(4, "b"),
            new Row(5, null),
            new Row(6, "c"),
            new Row(7, "a"));

    @Test
    void every_position_walks_to_the_rows_after_it_in_both_directions_and_walks() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
                for (Row row : ROWS) {
                    statement.execute("INSERT INTO t VALUES (" + row.id() + ", "
                            + (row.value() == null ? "NULL" : "'" + row.value() + "'") + ")");
                }
            }
            for (boolean descending : new boolean[] {false, true}) {
                for (KeysetOrder order : List.of(
                        KeysetOrder.byNullable("x.v", "x.id", descending), KeysetOrder.byId("x.id", descending))) {
                    List<Long> forward = javaOrder(order, descending);
                    assertThat(select(connection, order, null, Walk.FORWARD, false))
                            .isEqualTo(forward);
                    List<Long> backward = new ArrayList<>(forward);
                    Collections.reverse(backward);
                    assertThat(select(connection, order, null, Walk.BACKWARD, false))
                            .isEqualTo(backward);
                    for (Row row : ROWS) {
                        KeysetPosition position =
                                new KeysetPosition(order.sortColumn().isPresent() ? row.value() : null, row.id());
                        for (boolean inclusive : new boolean[] {false, true}) {
                            assertThat(select(connection, order, position, Walk.FORWARD, inclusive))
                                    .as("%s from %s forward, inclusive %s", order, row, inclusive)
                                    .isEqualTo(after(forward, row.id(), inclusive));
                            assertThat(select(connection, order, position, Walk.BACKWARD, inclusive))
                                    .as("%s from %s backward, inclusive %s", order, row, inclusive)
                                    .isEqualTo(after(backward, row.id(), inclusive));
                        }
                    }
                }
            }
        }
    }

    private static List<Long> javaOrder(KeysetOrder order, boolean descending) {
        Comparator<Row> byId = Comparator.comparingLong(Row::id);
        Comparator<Row> comparator = byId;
        if (order.sortColumn().isPresent()) {
            Comparator<Row> byValue = Comparator.comparing(Row::value);
            comparator = Comparator.<Row, Boolean>comparing(row -> row.value() == null)
                    .thenComparing((left, right) ->
                            left.value() == null ? 0 : (descending ? byValue.reversed() : byValue).compare(left, right))
                    .thenComparing(descending ? byId.reversed() : byId);
        } else if (descending) {
            comparator = byId.reversed();
        }
        return ROWS.stream().sorted(comparator).map(Row::id).toList();
    }

    private static List<Long> after(List<Long> order, long id, boolean inclusive) {
        int index = order.indexOf(id);
        return order.subList(inclusive ? index : index + 1, order.size());
    }

    private static List<Long> select(
            Connection connection, KeysetOrder order, KeysetPosition position, Walk walk, boolean inclusive)
            throws Exception {
        String where = "";
        List<Object> params = List.of();
        if (position != null) {
            SqlFragment beyond = order.beyond(position, walk, inclusive);
            where = " WHERE " + beyond.text();
            params = beyond.params();
        }
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT x.id FROM t x" + where + " ORDER BY " + order.orderBy(walk))) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }
}
