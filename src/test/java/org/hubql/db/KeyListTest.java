package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.hubql.model.User;
import org.hubql.testkit.HubUnderTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key list reads the same rows whatever its length, on every engine, through each of its texts: one key compared
 * as itself ({@code = ?}, which PostgreSQL keeps one generic plan for), and on PostgreSQL a short array and a long
 * one unnested in a subquery.
 */
@Tag("slow")
class KeyListTest {
    private static final int USERS = 40;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void users_are_found_by_one_key_a_few_keys_and_many_by_id_and_by_name(String engine) throws Exception {
        try (HubUnderTest.Opened hub = HubUnderTest.demo(engine, "5.5.1", USERS, 42);
                Database database = Database.open(hub.location());
                Connection plain = database.dataSource().getConnection()) {
            List<Long> ids = FirstColumn.longs(plain, "SELECT id FROM users ORDER BY id");
            List<String> names = FirstColumn.texts(plain, "SELECT name FROM users ORDER BY id");
            assertThat(ids).hasSizeGreaterThan(17);

            for (int count : new int[] {1, 2, 16, 17, ids.size()}) {
                SqlTrace trace = new SqlTrace(true);
                Sql sql = database.newSql(trace, 0);
                Map<Long, User> byId = database.queries().users().byIds(sql, ids.subList(0, count));
                Map<String, User> byName = database.queries().users().byNames(sql, names.subList(0, count));

                assertThat(byId.keySet())
                        .as("%d ids", count)
                        .containsExactlyInAnyOrderElementsOf(ids.subList(0, count));
                assertThat(byName.keySet())
                        .as("%d names", count)
                        .containsExactlyInAnyOrderElementsOf(names.subList(0, count));
                byId.forEach((id, user) -> assertThat(user.id()).isEqualTo(id));
                byName.forEach((name, user) -> assertThat(user.name()).isEqualTo(name));
                assertThat(trace.statements())
                        .as("one key is bound as itself, a list as one parameter")
                        .allSatisfy(statement ->
                                assertThat(statement.sql().endsWith(" = ?")).isEqualTo(count == 1));
            }
        }
    }
}
