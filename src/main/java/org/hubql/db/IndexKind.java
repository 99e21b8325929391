package org.hubql.db;

import java.util.function.ToIntFunction;

/**
 * One kind of index that {@link ConnectionIndexes} keeps per SQLite connection: the statement that builds it,
 * which returns a single row, and how that row is read. Kinds compare by identity.
 */
final class IndexKind<I> {
    static final IndexKind<SpawnerIndex> SPAWNERS = new IndexKind<>(SpawnerIndex.SELECT,
            row -> SpawnerIndex.read(row.text("packed"), row.id("beyond")), SpawnerIndex::size);
    /** Each user's API tokens: {@code api_tokens} has no index on {@code user_id}. */
    static final IndexKind<OwnedIds> USER_TOKENS = new IndexKind<>("SELECT group_concat((t.user_id << 32) | t.id) AS packed,"
            + " COALESCE(SUM(t.user_id < 0 OR t.user_id > 2147483647 OR t.id < 0 OR t.id > 4294967295), 0) AS beyond"
            + " FROM api_tokens t WHERE t.user_id IS NOT NULL",
            row -> OwnedIds.read(row.text("packed"), row.id("beyond"), "API tokens"), OwnedIds::size);
    static final IndexKind<MembershipIndex> MEMBERSHIPS = new IndexKind<>(MembershipIndex.SELECT,
            row -> MembershipIndex.read(row.text("packed"), row.id("beyond")), MembershipIndex::size);

    final String select;
    final RowMapper<I> reader;
    final ToIntFunction<I> size;

    private IndexKind(String select, RowMapper<I> reader, ToIntFunction<I> size) {
        this.select = select;
        this.reader = reader;
        this.size = size;
    }
}
