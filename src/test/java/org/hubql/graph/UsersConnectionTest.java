package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hubql.graph.HubQueryTest.names;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.HubUnderTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Query.users}: filters, orders and keyset pages over the hand-written hub. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.hubql.testkit.HubUnderTest#all")
@Tag("slow")
class UsersConnectionTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.eachHubUnderTest();

    @Parameter
    HubUnderTest hub;

    private static List<String> userNames(String arguments) {
        return names(
                gateway.data("{ users" + arguments + " { nodes { name } } }").at("/users/nodes"));
    }

    @Test
    void users_come_in_id_order_by_default() {
        assertThat(userNames("")).containsExactly("admin", "alice", "bob", "carol", "dave", "müller");
    }

    @Test
    void name_filter_is_a_case_insensitive_substring_with_like_wildcards_escaped() {
        assertThat(userNames("(filter: {nameContains: \"AL\"})")).containsExactly("alice");
        assertThat(userNames("(filter: {nameContains: \"%\"})")).isEmpty();
        assertThat(userNames("(filter: {nameContains: \"_\"})")).isEmpty();
    }

    @Test
    void a_nul_or_backslash_in_a_name_filter_is_text_not_a_wildcard() {
        assertThat(userNames("(filter: {nameContains: \"\\u0000\"})")).isEmpty();
        assertThat(userNames("(filter: {nameStartsWith: \"\\u0000\"})")).isEmpty();
        assertThat(userNames("(filter: {nameContains: \"\\\\\"})")).isEmpty();
        assertThat(userNames("(filter: {nameStartsWith: \"AL\"})")).containsExactly("alice");
        assertThat(userNames("(filter: {nameStartsWith: \"l\"})")).isEmpty();
    }

    @Test
    void admin_filter_treats_null_as_not_admin() {
        assertThat(userNames("(filter: {admin: true})")).containsExactly("admin");
        assertThat(userNames("(filter: {admin: false})")).containsExactly("alice", "bob", "carol", "dave", "müller");
    }

    @Test
    void active_means_a_running_server_row_exists() {
        assertThat(userNames("(filter: {active: true})")).containsExactly("alice", "müller");
        assertThat(userNames("(filter: {active: false})")).containsExactly("admin", "bob", "carol", "dave");
    }

    @Test
    void last_activity_bounds_are_strict_and_skip_nulls() {
        assertThat(userNames("(filter: {lastActivityAfter: \"2026-11-21T09:15:00.25Z\"})"))
                .containsExactly("alice", "carol");
        assertThat(userNames("(filter: {lastActivityBefore: \"2026-11-20T10:00:00Z\"})"))
                .containsExactly("bob");
        assertThat(
                        userNames(
                                "(filter: {lastActivityAfter: \"2026-11-01T00:00:00+01:00\", lastActivityBefore: \"2026-11-22T00:00:00Z\"})"))
                .containsExactly("admin", "müller");
    }

    @Test
    void group_filter_combines_with_the_others() {
        assertThat(userNames("(filter: {group: \"staff\"})")).containsExactly("admin", "alice");
        assertThat(userNames("(filter: {group: \"staff\", admin: false})")).containsExactly("alice");
        assertThat(userNames("(filter: {group: \"nope\"})")).isEmpty();
    }

    @Test
    void orders_by_name_and_by_last_activity_with_never_active_users_last() {
        assertThat(userNames("(orderBy: {field: NAME, direction: DESC})"))
                .containsExactly("müller", "dave", "carol", "bob", "alice", "admin");
        assertThat(userNames("(orderBy: {field: LAST_ACTIVITY})"))
                .containsExactly("bob", "admin", "müller", "carol", "alice", "dave");
        assertThat(userNames("(orderBy: {field: LAST_ACTIVITY, direction: DESC})"))
                .containsExactly("alice", "carol", "müller", "admin", "bob", "dave");
        assertThat(userNames("(orderBy: {field: ID, direction: DESC})"))
                .containsExactly("müller", "dave", "carol", "bob", "alice", "admin");
    }

    @Test
    void paging_one_at_a_time_visits_every_user_once_in_every_order() {
        for (String order : List.of("ID", "NAME", "LAST_ACTIVITY")) {
            for (String direction : List.of("ASC", "DESC")) {
                String orderBy = "(orderBy: {field: " + order + ", direction: " + direction + "})";
                assertThat(pageThrough(order, direction, 1)).as(orderBy).isEqualTo(userNames(orderBy));
                assertThat(pageThrough(order, direction, 4)).as(orderBy).isEqualTo(userNames(orderBy));
            }
        }
    }

    private static List<String> pageThrough(String order, String direction, int size) {
        List<String> seen = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode page = gateway.data(
                            "query($after: String, $first: Int) { users(first: $first, after: $after, orderBy: {field: "
                                    + order + ", direction: " + direction
                                    + "}) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }",
                            HubQueryTest.variables("after", after, "first", size))
                    .get("users");
            assertThat(page.get("totalCount").asInt()).isEqualTo(6);
            page.get("edges").forEach(edge -> seen.add(edge.at("/node/name").asText()));
            if (!page.at("/pageInfo/hasNextPage").asBoolean()) {
                return seen;
            }
            after = page.at("/pageInfo/endCursor").asText();
            assertThat(after)
                    .isEqualTo(page.at("/edges/" + (page.get("edges").size() - 1) + "/cursor")
                            .asText());
        }
    }

    @Test
    void total_count_follows_the_filter() {
        assertThat(gateway.data("{ users(first: 1, filter: {active: true}) { totalCount } }")
                        .at("/users/totalCount")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void first_zero_returns_no_rows_but_still_counts() {
        JsonNode users = gateway.data("{ users(first: 0) { totalCount nodes { name } } }")
                .get("users");
        assertThat(users.get("nodes")).isEmpty();
        assertThat(users.get("totalCount").asInt()).isEqualTo(6);
    }

    @Test
    void first_out_of_range_is_refused_with_a_clear_message() {
        for (String first : List.of("-1", "1001")) {
            JsonNode response = gateway.query("{ users(first: " + first + ") { nodes { name } } }");
            assertThat(response.at("/errors/0/message").asText()).contains("`first` must be between 0 and 1000");
            assertThat(response.at("/errors/0/extensions/code").asText()).isEqualTo("BAD_USER_INPUT");
        }
    }

    @Test
    void a_cursor_from_another_order_or_a_broken_cursor_is_refused() {
        String cursor = gateway.data("{ users(first: 1) { pageInfo { endCursor } } }")
                .at("/users/pageInfo/endCursor")
                .asText();
        JsonNode other = gateway.query(
                "query($after: String) { users(after: $after, orderBy: {field: NAME}) { nodes { name } } }",
                Map.of("after", cursor));
        assertThat(other.at("/errors/0/message").asText()).contains("another list or order");
        for (String broken : List.of("garbage!!", "W10", cursor.substring(1))) {
            JsonNode response = gateway.query(
                    "query($after: String) { users(after: $after) { nodes { name } } }", Map.of("after", broken));
            assertThat(response.at("/errors/0/extensions/code").asText())
                    .as(broken)
                    .isEqualTo("BAD_USER_INPUT");
        }
    }

    @Test
    void a_wrong_datetime_is_a_validation_error() {
        JsonNode response = gateway.query("{ users(filter: {lastActivityAfter: \"yesterday\"}) { nodes { name } } }");
        assertThat(response.has("data")).isFalse();
        assertThat(response.at("/errors/0/message").asText()).contains("ISO-8601");
    }
}
