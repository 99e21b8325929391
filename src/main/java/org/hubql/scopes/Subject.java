package org.hubql.scopes;

/**
 * What a scope is checked against: the object a field belongs to, seen as JupyterHub's filters see it
 * ({@code check_scope_filter}).
 */
public sealed interface Subject {

    /**
     * The root of a query: a field there is allowed when the scope is held with any filter, as JupyterHub's
     * {@code post_filter} allows a listing, whose rows are then filtered one by one.
     */
    record Root() implements Subject {}

    /** An object no filter can name (a role, an OAuth client, the hub): only an unfiltered scope covers it. */
    record Unnamed() implements Subject {}

    /** The scope is not about this object at all (a share's grantee scope, for a share granted to the other kind). */
    record Unrelated() implements Subject {}

    record OfUser(long userId) implements Subject {}

    /** A user's server (a spawner): named by {@code !server=user/name}, by its user, or by a group of its user. */
    record OfServer(long userId, long spawnerId) implements Subject {}

    record OfGroup(long groupId) implements Subject {}

    record OfService(long serviceId) implements Subject {}

    Subject ROOT = new Root();
    Subject UNNAMED = new Unnamed();
    Subject UNRELATED = new Unrelated();
}
