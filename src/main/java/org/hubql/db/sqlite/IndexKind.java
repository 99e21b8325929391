package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * One kind of index kept per SQLite connection: the statement that builds it, which returns a single row of
 * packed ids ({@code packed}) and how many rows did not pack ({@code beyond}), and how that row is read. Kinds
 * compare by identity.
 */
final class IndexKind<I> {
    static final IndexKind<SpawnerIndex> SPAWNERS =
            new IndexKind<>(SpawnerIndex.SELECT, SpawnerIndex::read, SpawnerIndex::size);
    /** Each user's API tokens: {@code api_tokens} has no index on {@code user_id}. */
    static final IndexKind<OwnedIds> USER_TOKENS = new IndexKind<>(
            "SELECT group_concat(" + PackedIds.packed("t.user_id", "t.id") + ") AS packed, "
                    + PackedIds.beyond("t.user_id", "t.id") + " FROM api_tokens t WHERE t.user_id IS NOT NULL",
            (packed, beyond) -> OwnedIds.read(packed, beyond, "API tokens"),
            OwnedIds::size);

    /** Every API token's owner and dates, in each date's order: {@code api_tokens} indexes none of them. */
    static final IndexKind<TokenIndex> TOKENS = new IndexKind<>(TokenIndex.SELECT, TokenIndex::read, TokenIndex::size);

    /** Every listed spawner's flags and dates, in each date's order: {@code spawners} indexes neither date. */
    static final IndexKind<SpawnerListIndex> SPAWNER_LIST =
            new IndexKind<>(SpawnerListIndex.SELECT, SpawnerListIndex::read, SpawnerListIndex::size);

    static final IndexKind<MembershipIndex> MEMBERSHIPS =
            new IndexKind<>(MembershipIndex.SELECT, MembershipIndex::read, MembershipIndex::size);

    final String select;
    private final Reader<I> reader;
    private final ToIntFunction<I> size;

    private IndexKind(String select, Reader<I> reader, ToIntFunction<I> size) {
        this.select = select;
        this.reader = reader;
        this.size = size;
    }

    I read(IndexScope.Packed row) throws SQLException {
        return reader.read(row.text(), row.beyond());
    }

    int size(I index) {
        return size.applyAsInt(index);
    }

    @SuppressWarnings("unchecked")
    I cast(Object index) {
        return (I) index;
    }

    @FunctionalInterface
    private interface Reader<I> {
        I read(@Nullable String packed, long beyond) throws SQLException;
    }
}
