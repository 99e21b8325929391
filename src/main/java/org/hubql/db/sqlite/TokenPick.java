package org.hubql.db.sqlite;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of API tokens as the token index picks it: the tokens {@code filter} keeps, by {@code order}'s date then
 * id (by id alone when empty), within {@code window}.
 */
public record TokenPick(Optional<TokenDate> order, TokenFilter filter, IndexWindow window) {

    /** The date columns of {@code api_tokens} the index keeps. */
    public enum TokenDate {
        CREATED,
        LAST_ACTIVITY,
        EXPIRES_AT
    }

    /**
     * Which tokens a page or a count keeps: every date condition, the owner kind, and, for a viewer whose grants reach
     * only some owners, those owners' tokens.
     */
    public record TokenFilter(List<DateCondition<TokenDate>> dates, Owner owner, Optional<Reach> reach) {}

    /** Whose tokens: anyone's, users' only, services' only. */
    public enum Owner {
        ANY,
        USER,
        SERVICE
    }

    /** The users and services whose tokens a viewer may read. */
    public record Reach(Set<Long> users, Set<Long> services) {}
}
