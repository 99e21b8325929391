package org.hubql.graph;

import java.util.Map;
import org.hubql.db.KeysetPosition;
import org.hubql.db.SpawnerSort;
import org.hubql.db.TokenSort;
import org.hubql.db.UserSort;
import org.hubql.model.ApiToken;
import org.hubql.model.Group;
import org.hubql.model.Spawner;
import org.hubql.model.User;

/** The keyset of every connection and order: the one place a list's cursor tag and sort value are defined. */
final class Keysets {
    static final Keyset<Group> GROUPS =
            new Keyset<>("groups", Cursors.SortValue.TEXT, group -> new KeysetPosition(group.name(), group.id()));
    static final Keyset<User> MEMBERS =
            new Keyset<>("members", Cursors.SortValue.NONE, user -> new KeysetPosition(null, user.id()));

    private Keysets() {
        // non-constructable
    }

    /** Spawners in {@code sort}; for {@code USER_NAME}, each spawner's owner name from {@code ownerNames} (by spawner id). */
    static Keyset<Spawner> spawners(SpawnerSort sort, Map<Long, String> ownerNames) {
        String tag = "spawners:" + sort.name();
        return switch (sort) {
            case ID -> new Keyset<>(tag, Cursors.SortValue.NONE, spawner -> new KeysetPosition(null, spawner.id()));
            case LAST_ACTIVITY ->
                new Keyset<>(
                        tag,
                        Cursors.SortValue.INSTANT,
                        spawner -> new KeysetPosition(spawner.lastActivity(), spawner.id()));
            case STARTED ->
                new Keyset<>(
                        tag, Cursors.SortValue.INSTANT, spawner -> new KeysetPosition(spawner.started(), spawner.id()));
            case USER_NAME ->
                new Keyset<>(
                        tag,
                        Cursors.SortValue.TEXT,
                        spawner -> new KeysetPosition(ownerNames.get(spawner.id()), spawner.id()));
        };
    }

    static Keyset<ApiToken> apiTokens(TokenSort sort) {
        String tag = "apiTokens:" + sort.name();
        return switch (sort) {
            case ID -> new Keyset<>(tag, Cursors.SortValue.NONE, token -> new KeysetPosition(null, token.id()));
            case CREATED ->
                new Keyset<>(tag, Cursors.SortValue.INSTANT, token -> new KeysetPosition(token.created(), token.id()));
            case LAST_ACTIVITY ->
                new Keyset<>(
                        tag, Cursors.SortValue.INSTANT, token -> new KeysetPosition(token.lastActivity(), token.id()));
            case EXPIRES_AT ->
                new Keyset<>(
                        tag, Cursors.SortValue.INSTANT, token -> new KeysetPosition(token.expiresAt(), token.id()));
        };
    }

    static Keyset<User> users(UserSort sort) {
        String tag = "users:" + sort.name();
        return switch (sort) {
            case ID -> new Keyset<>(tag, Cursors.SortValue.NONE, user -> new KeysetPosition(null, user.id()));
            case NAME -> new Keyset<>(tag, Cursors.SortValue.TEXT, user -> new KeysetPosition(user.name(), user.id()));
            case LAST_ACTIVITY ->
                new Keyset<>(
                        tag, Cursors.SortValue.INSTANT, user -> new KeysetPosition(user.lastActivity(), user.id()));
        };
    }
}
