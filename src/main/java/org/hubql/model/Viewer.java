package org.hubql.model;

/**
 * Who a request acts for: the owner of the token it carried, or the local operator when authentication is off.
 *
 * @param kind    a user, a service, or {@code LOCAL} (no authentication)
 * @param id      the owner's row id ({@code users.id} or {@code services.id}); 0 for {@code LOCAL}
 * @param seesAll whether the viewer may read the whole graph: admins, and on hubs with roles, tokens whose
 *                scopes read every user
 */
public record Viewer(Kind kind, long id, boolean seesAll) {

    public enum Kind { USER, SERVICE, LOCAL }

    /** Authentication is off: everything is visible. */
    public static Viewer local() {
        return new Viewer(Kind.LOCAL, 0, true);
    }

    public boolean isUser(long userId) {
        return kind == Kind.USER && id == userId;
    }

    public boolean isService(long serviceId) {
        return kind == Kind.SERVICE && id == serviceId;
    }
}
