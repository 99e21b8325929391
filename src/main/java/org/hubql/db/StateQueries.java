package org.hubql.db;

import java.util.Collection;
import java.util.Map;
import org.hubql.model.RawJson;

/** {@code users.state} and {@code spawners.state}: read only for viewers who see everything. */
public final class StateQueries {
    private final KeyedQuery<Long, RawJson> userStates;
    private final KeyedQuery<Long, RawJson> spawnerStates;

    public StateQueries() {
        this.userStates = new KeyedQuery<>(
                "SELECT u.id, u.state FROM users u", "u.id", "", row -> row.id("id"), row -> row.json("state"));
        this.spawnerStates = new KeyedQuery<>(
                "SELECT s.id, s.state FROM spawners s", "s.id", "", row -> row.id("id"), row -> row.json("state"));
    }

    public Map<Long, RawJson> userStates(Sql sql, Collection<Long> userIds) {
        return userStates.unique(sql, userIds);
    }

    public Map<Long, RawJson> spawnerStates(Sql sql, Collection<Long> spawnerIds) {
        return spawnerStates.unique(sql, spawnerIds);
    }
}
