package org.hubql.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.hubql.model.ApiToken;
import org.jspecify.annotations.Nullable;

/**
 * {@code Query.apiTokens}: pages and counts of API tokens across owners, filtered, ordered and restricted to whose
 * tokens the viewer may read, all in SQL. Never selects {@code hashed}.
 *
 * <p>On SQLite, where {@code api_tokens} has no index on its dates, the token index picks a page's ids and counts
 * ({@link TokenPicks}, {@code db.sqlite.Lookup#tokenPage}): the page is then loaded by primary key, its statement
 * still applying every condition, so a token changed since the index was checked drops out rather than showing
 * in the wrong place.
 */
public final class TokenPages {
    private final String select;
    private final TokenPicks picks;

    public TokenPages(HubSchema schema) {
        this.select = "SELECT " + TokenQueries.columns(schema) + " FROM api_tokens t";
        this.picks = new TokenPicks(schema);
    }

    /** A page of tokens, in the walk's order. */
    public List<ApiToken> page(Sql sql, TokenSelection selection, PageWindow window) {
        Optional<List<ApiToken>> indexed = picks.pick(selection, window)
                .flatMap(pick -> sql.listIndexed(
                        lookup -> lookup.tokenPage(pick).map(ids -> pageStatement(sql, selection, window, ids)),
                        TokenQueries::map));
        return indexed.orElseGet(() -> sql.list(pageStatement(sql, selection, window, null), TokenQueries::map));
    }

    private SqlFragment pageStatement(Sql sql, TokenSelection selection, PageWindow window, long @Nullable [] ids) {
        Where where = where(sql, selection);
        if (ids != null) {
            where.add(sql.dialect().in("t.id", LongStream.of(ids).boxed().toList()));
        }
        return window.statement(select, where, selection.sort().order(selection.descending()));
    }

    /** How many tokens match; on SQLite counted by the token index when it can, with no statement. */
    public int count(Sql sql, TokenSelection selection) {
        Optional<Integer> indexed =
                picks.filter(selection).flatMap(filter -> sql.fromIndexes(lookup -> lookup.tokenCount(filter)));
        return indexed.orElseGet(() -> countStatement(sql, selection));
    }

    private int countStatement(Sql sql, TokenSelection selection) {
        Where where = where(sql, selection);
        Integer total = sql.single(
                "SELECT COUNT(*) AS total FROM api_tokens t" + where.text(),
                where.params(),
                row -> row.intOrNull("total"));
        return total == null ? 0 : total;
    }

    private Where where(Sql sql, TokenSelection selection) {
        Where where = new Where();
        if (selection.ownerKind() != null) {
            where.add(
                    selection.ownerKind() == TokenSelection.OwnerKind.USER
                            ? "t.user_id IS NOT NULL"
                            : "t.service_id IS NOT NULL");
        }
        if (selection.user() != null) {
            where.add("t.user_id IN (SELECT o.id FROM users o WHERE o.name = ?)", selection.user());
        }
        if (selection.service() != null) {
            where.add("t.service_id IN (SELECT o.id FROM services o WHERE o.name = ?)", selection.service());
        }
        if (selection.clientId() != null) {
            where.add("t.client_id = ?", selection.clientId());
        }
        if (selection.expired() != null) {
            where.add(
                    selection.expired()
                            ? "(t.expires_at IS NOT NULL AND t.expires_at < ?)"
                            : "(t.expires_at IS NULL OR t.expires_at >= ?)",
                    selection.now());
        }
        if (selection.expires() != null) {
            where.add(selection.expires() ? "t.expires_at IS NOT NULL" : "t.expires_at IS NULL");
        }
        where.addIf("t.expires_at < ?", selection.expiresBefore());
        if (selection.neverUsed() != null) {
            where.add(selection.neverUsed() ? "t.last_activity IS NULL" : "t.last_activity IS NOT NULL");
        }
        where.addIf("t.last_activity < ?", selection.lastActivityBefore());
        where.addIf("t.created < ?", selection.createdBefore());
        where.addIf("t.created > ?", selection.createdAfter());
        if (selection.scope() != null) {
            where.add(sql.dialect().jsonListContains("t.scopes", selection.scope()));
        }
        if (selection.noteContains() != null) {
            where.contains("t.note", selection.noteContains());
        }
        restrict(sql, where, selection.readable());
        return where;
    }

    /** Only the tokens of the reached users and services. */
    private static void restrict(Sql sql, Where where, Visible visible) {
        if (!(visible instanceof Visible.Only only)) {
            return;
        }
        List<SqlFragment> alternatives = new ArrayList<>();
        if (!only.users().isEmpty()) {
            alternatives.add(sql.dialect().in("t.user_id", only.users()));
        }
        if (!only.services().isEmpty()) {
            alternatives.add(sql.dialect().in("t.service_id", only.services()));
        }
        where.anyOf(alternatives);
    }
}
