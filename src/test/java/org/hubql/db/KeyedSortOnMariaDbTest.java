package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubql.model.Spawner;
import org.hubql.testkit.HubUnderTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On MariaDB a key list's rows are filtered before they are sorted: sorting {@code spawners} whole and filtering
 * after (what MariaDB does with the key list in the sorted statement itself, as {@code spawners.user_id} has no
 * index) cost 10.1 ms against 3.8 ms for 101 users of a 10,000-user hub.
 */
@Tag("slow")
class KeyedSortOnMariaDbTest {

    @Test
    void spawners_of_a_key_list_are_filtered_then_sorted_in_each_users_order() throws Exception {
        try (HubUnderTest.Opened hub = new HubUnderTest("mariadb", "5.5.1").open();
                Database database = Database.open(hub.location());
                Connection plain = DriverManager.getConnection(hub.location().jdbcUrl())) {
            List<Long> users = FirstColumn.longs(plain, "SELECT id FROM users ORDER BY id");
            SqlTrace trace = new SqlTrace(true);

            Map<Long, List<Spawner>> byUser = database.queries().spawners().byUserIds(database.newSql(trace, 0), users);

            Map<Long, List<Long>> expected = new LinkedHashMap<>();
            for (Long user : users) {
                List<Long> ids = FirstColumn.longs(
                        plain, "SELECT id FROM spawners WHERE user_id = " + user + " ORDER BY name, id");
                if (!ids.isEmpty()) {
                    expected.put(user, ids);
                }
            }
            Map<Long, List<Long>> read = new LinkedHashMap<>();
            byUser.forEach((user, spawners) ->
                    read.put(user, spawners.stream().map(Spawner::id).toList()));
            assertThat(read).isEqualTo(expected);
            assertThat(expected.values()).as("a user with a named server").anyMatch(ids -> ids.size() > 1);

            String statement = trace.statements().get(0).sql();
            List<String> steps = explain(plain, statement.replace("?", "'" + JsonText.array(users) + "'"));
            assertThat(steps)
                    .as("the spawners table is not sorted before the key list filters it: %s", steps)
                    .noneMatch(step -> step.startsWith("s ") && step.contains("filesort"))
                    .anyMatch(step -> step.startsWith("s "));
        }
    }

    /** EXPLAIN's rows as "table extra". */
    private static List<String> explain(Connection connection, String select) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN " + select)) {
            while (rows.next()) {
                steps.add(rows.getString("table") + " " + rows.getString("Extra"));
            }
        }
        return steps;
    }
}
