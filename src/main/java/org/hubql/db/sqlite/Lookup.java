package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The questions hubql answers from in-memory indexes rather than by scanning a hub table that has no index on the
 * column asked about, asked on one connection ({@link HubIndexes#on}). Every answer is an {@link Optional}: empty
 * means "not indexed" (a hub on a database server, or a SQLite hub writing too often for an index to pay: after
 * a rebuild that served fewer than two questions, the next waits one second, doubling up to a minute), and the
 * caller runs its plain SQL instead.
 */
public interface Lookup {
    /** What a hub on a database server answers: nothing is indexed there; its planner has the tables' own indexes. */
    Lookup NOT_INDEXED = new Lookup() {};

    /** The ids of these users' spawners, by user then id. */
    default Optional<long[]> spawnerIdsOf(Collection<Long> userIds) throws SQLException {
        return Optional.empty();
    }

    /** The ids of these users' API tokens, by user then id. */
    default Optional<long[]> tokenIdsOf(Collection<Long> userIds) throws SQLException {
        return Optional.empty();
    }

    /**
     * The ids of one page of API tokens, in the page's walk order: for a page ordered or filtered by a date that
     * {@code api_tokens} does not index. Empty also when a date of the hub's tokens is not text of SQLAlchemy's
     * shape, which SQL would compare otherwise than the index.
     */
    default Optional<long[]> tokenPage(TokenPick pick) throws SQLException {
        return Optional.empty();
    }

    /** How many API tokens the filter keeps, as {@code COUNT(*)} would. */
    default Optional<Integer> tokenCount(TokenPick.TokenFilter filter) throws SQLException {
        return Optional.empty();
    }

    /**
     * The ids of one page of {@code Query.spawners}, in the page's walk order: for a page ordered or filtered by a
     * date that {@code spawners} does not index. Empty also when a date of the hub's spawners is not text of
     * SQLAlchemy's shape, which SQL would compare otherwise than the index.
     */
    default Optional<long[]> spawnerPage(SpawnerPick pick) throws SQLException {
        return Optional.empty();
    }

    /** How many spawners whose user exists the filter keeps, as {@code COUNT(*)} would. */
    default Optional<Integer> spawnerCount(SpawnerPick.SpawnerFilter filter) throws SQLException {
        return Optional.empty();
    }

    /**
     * Each group's member ids within {@code range}, in its direction, counting only members whose user row exists;
     * every group asked about has an entry, possibly empty.
     */
    default Optional<Map<Long, long[]>> memberPages(Collection<Long> groupIds, IdRange range) throws SQLException {
        return Optional.empty();
    }

    /** How many rows of {@code user_group_map} name each group, as {@code COUNT(*)} would; groups with none are absent. */
    default Optional<Map<Long, Integer>> memberCounts(Collection<Long> groupIds) throws SQLException {
        return Optional.empty();
    }

    /** The ids of the users with a running server, ascending: for a statement that visits every user. */
    default Optional<long[]> runningUserIds() throws SQLException {
        return Optional.empty();
    }

    /**
     * The name of a SQL function, {@code user id → 1 if the user has a running server}, that a statement run on this
     * question's connection may call: for a page, which stops after a few users.
     */
    default Optional<String> runningUserFunction() throws SQLException {
        return Optional.empty();
    }
}
