package org.hubql.db;

import java.util.List;
import java.util.Optional;
import org.hubql.db.sqlite.DateCondition;
import org.hubql.db.sqlite.DateConditions;
import org.hubql.db.sqlite.TokenPick;
import org.hubql.db.sqlite.TokenPick.Owner;
import org.hubql.db.sqlite.TokenPick.Reach;
import org.hubql.db.sqlite.TokenPick.TokenDate;
import org.hubql.db.sqlite.TokenPick.TokenFilter;

/**
 * A {@link TokenSelection} and its page as the SQLite token index asks them ({@link TokenPick}), for the selections
 * it can answer: those filtering only on dates, owner kind and the viewer's reach. A filter by owner name, client,
 * scope or note, or a hub whose {@code api_tokens} lacks one of the dates, is left to plain SQL.
 */
final class TokenPicks {
    private final boolean datesKept;

    TokenPicks(HubSchema schema) {
        this.datesKept = schema.has("api_tokens", "created")
                && schema.has("api_tokens", "last_activity")
                && schema.has("api_tokens", "expires_at");
    }

    Optional<TokenPick> pick(TokenSelection selection, PageWindow window) {
        return filter(selection)
                .map(filter -> new TokenPick(
                        order(selection.sort()), filter, IndexWindows.of(window, selection.descending())));
    }

    Optional<TokenFilter> filter(TokenSelection selection) {
        if (!datesKept
                || selection.user() != null
                || selection.service() != null
                || selection.clientId() != null
                || selection.scope() != null
                || selection.noteContains() != null) {
            return Optional.empty();
        }
        return Optional.of(new TokenFilter(dates(selection), owner(selection), reach(selection.readable())));
    }

    private static List<DateCondition<TokenDate>> dates(TokenSelection selection) {
        DateConditions<TokenDate> dates = new DateConditions<>();
        if (selection.expired() != null) {
            dates.and(
                    selection.expired()
                            ? DateCondition.before(TokenDate.EXPIRES_AT, selection.now())
                            : DateCondition.nullOrNotBefore(TokenDate.EXPIRES_AT, selection.now()));
        }
        return dates.isNull(TokenDate.EXPIRES_AT, selection.expires() == null ? null : !selection.expires())
                .before(TokenDate.EXPIRES_AT, selection.expiresBefore())
                .isNull(TokenDate.LAST_ACTIVITY, selection.neverUsed())
                .before(TokenDate.LAST_ACTIVITY, selection.lastActivityBefore())
                .before(TokenDate.CREATED, selection.createdBefore())
                .after(TokenDate.CREATED, selection.createdAfter())
                .list();
    }

    private static Owner owner(TokenSelection selection) {
        if (selection.ownerKind() == null) {
            return Owner.ANY;
        }
        return selection.ownerKind() == TokenSelection.OwnerKind.USER ? Owner.USER : Owner.SERVICE;
    }

    private static Optional<Reach> reach(Visible readable) {
        return readable instanceof Visible.Only only
                ? Optional.of(new Reach(only.users(), only.services()))
                : Optional.empty();
    }

    private static Optional<TokenDate> order(TokenSort sort) {
        return switch (sort) {
            case CREATED -> Optional.of(TokenDate.CREATED);
            case LAST_ACTIVITY -> Optional.of(TokenDate.LAST_ACTIVITY);
            case EXPIRES_AT -> Optional.of(TokenDate.EXPIRES_AT);
            case ID -> Optional.empty();
        };
    }
}
