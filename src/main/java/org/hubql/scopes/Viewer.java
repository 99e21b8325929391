package org.hubql.scopes;

/**
 * Who a request acts for, and what it may read: the owner of the token it carried, or the local operator when
 * authentication is off.
 *
 * @param kind   a user, a service, or {@code LOCAL} (no authentication)
 * @param id     the owner's row id ({@code users.id} or {@code services.id}); 0 for {@code LOCAL}
 * @param grants the token's expanded scopes, resolved against the hub database
 */
public record Viewer(Kind kind, long id, Grants grants) {

    public enum Kind {
        USER,
        SERVICE,
        LOCAL
    }

    /** Authentication is off: every scope, unfiltered. */
    public static Viewer local() {
        return new Viewer(Kind.LOCAL, 0, Grants.everything());
    }
}
