package org.hubql.scopes;

import java.util.Collection;
import java.util.List;

/**
 * What a token may do ({@code get_scopes_for(token)}, JupyterHub 2.0+): its owner's expanded scopes when it
 * {@code inherit}s them; otherwise its own scopes, expanded for its owner, plus the owner's identify scopes,
 * intersected with the owner's. A token never grants more than its owner holds. hubql adds the identify scopes
 * in every case, so that a viewer always sees its own identity.
 */
public final class TokenScopes {
    /** {@code inherit}, and its draft name in JupyterHub 2.x role definitions. */
    private static final List<String> INHERIT = List.of("inherit", "all");

    private TokenScopes() {
        // non-constructable
    }

    /**
     * @param ownerScopes the raw scopes of the owner's roles (a user's own and its groups'), and of the shares
     *                    granted to it
     * @param tokenScopes the raw scopes stored on the token
     */
    public static ExpandedScopes of(
            ScopeOwner owner, Collection<String> ownerScopes, Collection<String> tokenScopes, GroupMembership groups) {
        ScopeOwner roleHolder = new ScopeOwner(owner.kind(), owner.name(), new ScopeOwner.Client.None());
        ExpandedScopes held = ScopeExpansion.expand(ownerScopes, roleHolder);
        if (tokenScopes.stream().anyMatch(INHERIT::contains)) {
            return held.union(owner.identify());
        }
        ExpandedScopes requested = ScopeExpansion.expand(tokenScopes, owner)
                .union(owner.identify())
                .union(accessTo(owner.client()));
        return requested.intersect(held, groups).union(owner.identify());
    }

    /** An OAuth token may access what issued it: the service or the server of its client ({@code access_scopes}). */
    private static ExpandedScopes accessTo(ScopeOwner.Client client) {
        if (client instanceof ScopeOwner.Client.OfService service) {
            return ExpandedScopes.parse(List.of("access:services!service=" + service.service()));
        }
        if (client instanceof ScopeOwner.Client.OfServer server) {
            return ExpandedScopes.parse(List.of("access:servers!server=" + server.server()));
        }
        return ExpandedScopes.NONE;
    }

    /** The owner's own scopes, as a token that inherits them has them: hubs before 2.0 and {@code --no-auth}. */
    public static ExpandedScopes ofOwner(ScopeOwner owner, Collection<String> ownerScopes) {
        return ScopeExpansion.expand(ownerScopes, owner).union(owner.identify());
    }
}
