package org.hubql.db;

import java.util.function.ToIntFunction;

/**
 * One kind of index that {@link ConnectionIndexes} keeps per SQLite connection: the statement that builds it,
 * which returns a single row, and how that row is read. Kinds compare by identity.
 */
final class IndexKind<I> {
    static final IndexKind<SpawnerIndex> SPAWNERS = new IndexKind<>(SpawnerIndex.SELECT,
            row -> SpawnerIndex.read(row.text("packed"), row.id("beyond")), SpawnerIndex::size);
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
