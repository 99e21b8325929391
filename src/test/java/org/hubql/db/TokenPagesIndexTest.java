package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hubql.demo.DemoHub;
import org.hubql.model.ApiToken;
import org.hubql.testkit.HubWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Query.apiTokens}' pages and counts on SQLite, picked by the token index, against plain SQL on the same file:
 * every order both ways, walked forward and backward by pages, with tokens sharing a date and tokens without one, and
 * again after the hub has written.
 */
class TokenPagesIndexTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path directory;

    Path hub;

    @BeforeEach
    void hub() throws Exception {
        hub = DemoHub.write(directory.resolve("hub.sqlite"), 150, 7, "5.5.1").file();
        HubWriter.commit(
                hub,
                "UPDATE api_tokens SET expires_at = '2026-12-24 18:00:00.000000' WHERE id % 7 = 3",
                "UPDATE api_tokens SET last_activity = NULL WHERE id % 11 = 5",
                "UPDATE api_tokens SET created = '2026-02-02 02:02:02.000002' WHERE id % 13 = 1");
    }

    /** Each filter the index answers, as a selection and as the WHERE plain SQL would use. */
    private static Map<String, Function<TokenSort, TokenSelection>> filters() {
        Map<String, Function<TokenSort, TokenSelection>> filters = new LinkedHashMap<>();
        filters.put("", sort -> selection(sort, false, null, null, null, null));
        filters.put(
                " WHERE t.expires_at < '2026-12-24 18:00:00.000000'",
                sort -> selection(sort, false, null, Instant.parse("2026-12-24T18:00:00Z"), null, null));
        filters.put(" WHERE t.expires_at IS NULL", sort -> selection(sort, false, false, null, null, null));
        filters.put(
                " WHERE (t.expires_at IS NULL OR t.expires_at >= '2026-11-30 12:00:00.000000')",
                sort -> selection(sort, false, null, null, false, null));
        filters.put(
                " WHERE t.last_activity IS NULL AND t.user_id IS NOT NULL",
                sort -> selection(sort, true, null, null, null, true));
        filters.put(
                " WHERE t.expires_at IS NOT NULL AND (t.user_id IN (2, 3, 5, 8, 13) OR t.service_id IN (1))",
                sort -> readable(
                        selection(sort, false, true, null, null, null),
                        new Visible.Only(Set.of(2L, 3L, 5L, 8L, 13L), Set.of(), Set.of(1L))));
        return filters;
    }

    private static TokenSelection selection(
            TokenSort sort,
            boolean usersOnly,
            Boolean expires,
            Instant expiresBefore,
            Boolean expired,
            Boolean neverUsed) {
        return new TokenSelection(
                usersOnly ? TokenSelection.OwnerKind.USER : null,
                null,
                null,
                null,
                expired,
                expires,
                expiresBefore,
                neverUsed,
                null,
                null,
                null,
                null,
                null,
                NOW,
                Visible.ALL,
                sort,
                false);
    }

    private static TokenSelection readable(TokenSelection selection, Visible readable) {
        return new TokenSelection(
                selection.ownerKind(),
                selection.user(),
                selection.service(),
                selection.clientId(),
                selection.expired(),
                selection.expires(),
                selection.expiresBefore(),
                selection.neverUsed(),
                selection.lastActivityBefore(),
                selection.createdBefore(),
                selection.createdAfter(),
                selection.scope(),
                selection.noteContains(),
                selection.now(),
                readable,
                selection.sort(),
                selection.descending());
    }

    private static TokenSelection descending(TokenSelection selection, boolean descending) {
        return new TokenSelection(
                selection.ownerKind(),
                selection.user(),
                selection.service(),
                selection.clientId(),
                selection.expired(),
                selection.expires(),
                selection.expiresBefore(),
                selection.neverUsed(),
                selection.lastActivityBefore(),
                selection.createdBefore(),
                selection.createdAfter(),
                selection.scope(),
                selection.noteContains(),
                selection.now(),
                selection.readable(),
                selection.sort(),
                descending);
    }

    @Test
    void every_order_and_filter_pages_both_ways_as_plain_sql_sorts_including_ties_and_missing_dates() throws Exception {
        assertThat(plainIds(" WHERE t.expires_at IS NULL", TokenSort.ID, false)).hasSizeGreaterThan(20);
        assertThat(plainIds(" WHERE t.expires_at = '2026-12-24 18:00:00.000000'", TokenSort.ID, false))
                .hasSizeGreaterThan(10);
        assertThat(plainIds(" WHERE t.expires_at IS NOT NULL AND t.user_id IN (2, 3, 5, 8, 13)", TokenSort.ID, false))
                .isNotEmpty();
        assertThat(plainIds(" WHERE t.service_id = 1", TokenSort.ID, false)).isNotEmpty();
        try (Database database = Database.openSqlite(hub, 1)) {
            assertAllPagesAgree(database);
        }
    }

    @Test
    void pages_and_counts_follow_the_hub_after_it_writes() throws Exception {
        try (Database database = Database.openSqlite(hub, 1)) {
            assertAllPagesAgree(database);
            HubWriter.commit(
                    hub,
                    "UPDATE api_tokens SET expires_at = NULL WHERE id % 5 = 0",
                    "UPDATE api_tokens SET expires_at = '2026-12-01 00:00:00.000000' WHERE id % 5 = 1",
                    "DELETE FROM api_tokens WHERE id % 9 = 2",
                    "INSERT INTO api_tokens (id, user_id, prefix, created, expires_at)"
                            + " VALUES (90001, 2, 'late', '2026-11-30 11:00:00.000000', '2026-12-01 00:00:00.000000')");
            assertAllPagesAgree(database);
        }
    }

    @Test
    void a_page_reads_tokens_by_primary_key_and_a_count_runs_no_statement() throws Exception {
        try (Database database = Database.openSqlite(hub, 1)) {
            TokenPages pages = database.queries().tokenPages();
            TokenSelection expiring = selection(TokenSort.EXPIRES_AT, false, true, null, null, null);
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);

            assertThat(pages.page(sql, expiring, PageWindow.first(5))).hasSize(6);
            assertThat(pages.count(sql, expiring))
                    .isEqualTo(plainIds(" WHERE t.expires_at IS NOT NULL", TokenSort.ID, false)
                            .size());

            assertThat(trace.upkeep()).hasSize(1);
            assertThat(trace.upkeep().get(0).sql()).contains("FROM api_tokens");
            assertThat(trace.count()).isEqualTo(1);
            List<String> plan = PlainSqlite.plan(hub, trace.statements().get(0).sql());
            assertThat(plan).contains("SEARCH t USING INTEGER PRIMARY KEY (rowid=?)");
            assertThat(plan).noneMatch(step -> step.startsWith("SCAN t"));
        }
    }

    @Test
    void a_date_of_another_shape_leaves_every_page_to_plain_sql() throws Exception {
        HubWriter.commit(hub, "UPDATE api_tokens SET last_activity = '2026-11-29T10:00:00' WHERE id = 4");
        try (Database database = Database.openSqlite(hub, 1)) {
            SqlTrace trace = new SqlTrace(true);
            TokenSelection byActivity = selection(TokenSort.LAST_ACTIVITY, false, null, null, null, null);
            List<ApiToken> page =
                    database.queries().tokenPages().page(database.newSql(trace, 0), byActivity, PageWindow.first(1000));

            assertThat(page.stream().map(ApiToken::id).toList())
                    .isEqualTo(plainIds("", TokenSort.LAST_ACTIVITY, false));
            assertThat(trace.statements().get(0).sql()).doesNotContain("json_each");
        }
    }

    private void assertAllPagesAgree(Database database) throws Exception {
        TokenPages pages = database.queries().tokenPages();
        for (Map.Entry<String, Function<TokenSort, TokenSelection>> filter :
                filters().entrySet()) {
            for (TokenSort sort : TokenSort.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    TokenSelection selection = descending(filter.getValue().apply(sort), desc);
                    List<Long> expected = plainIds(filter.getKey(), sort, desc);
                    String as = sort + (desc ? " DESC" : " ASC") + filter.getKey();
                    Sql sql = database.newSql(new SqlTrace(false), 0);
                    assertThat(pages.count(sql, selection)).as(as).isEqualTo(expected.size());
                    KeysetWalk.assertEveryWalkReads(
                            expected,
                            window -> pages.page(sql, selection, window).stream()
                                    .map(token -> new KeysetWalk.Keyed(token.id(), sortValue(sort, token)))
                                    .toList(),
                            as);
                }
            }
        }
    }

    private static Object sortValue(TokenSort sort, ApiToken token) {
        return switch (sort) {
            case CREATED -> token.created();
            case LAST_ACTIVITY -> token.lastActivity();
            case EXPIRES_AT -> token.expiresAt();
            case ID -> null;
        };
    }

    private List<Long> plainIds(String where, TokenSort sort, boolean descending) throws SQLException {
        String direction = descending ? " DESC" : " ASC";
        String orderBy = sort == TokenSort.ID
                ? "t.id" + direction
                : "t." + sort.column() + " IS NULL, t." + sort.column() + direction + ", t.id" + direction;
        return PlainSqlite.ids(hub, "SELECT t.id FROM api_tokens t" + where + " ORDER BY " + orderBy);
    }
}
