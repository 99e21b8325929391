package org.hubql.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hubql.db.ScopeQueries;
import org.hubql.db.Sql;
import org.hubql.db.TokenLookupQueries.Candidate;
import org.hubql.db.TokenLookupQueries.Source;
import org.hubql.model.Service;
import org.hubql.model.User;
import org.hubql.scopes.ExpandedScopes;
import org.hubql.scopes.Grants;
import org.hubql.scopes.ScopeOwner;
import org.hubql.scopes.ScopeTree;
import org.hubql.scopes.TokenScopes;

/**
 * Computes what a verified token may read, as JupyterHub computes it for the same token, and resolves it against
 * the hub database into {@link Grants}.
 *
 * <p>Hubs before 2.0 have no roles: there an admin holds the admin role's scopes and any other user {@code self}
 * (0.8's admin-or-self), a non-admin service only its identity, and an OAuth access token of {@code
 * oauth_access_tokens} only identifies its user, as 0.8 lets it do nothing else.
 */
final class ScopeReader {
    private final ScopeQueries queries;

    ScopeReader(ScopeQueries queries) {
        this.queries = queries;
    }

    Grants userGrants(Sql sql, Candidate token, User user, Instant now) {
        ScopeOwner owner = ScopeOwner.user(user.name());
        ExpandedScopes scopes;
        if (token.source() == Source.OAUTH_ACCESS_TOKENS) {
            scopes = owner.identify();
        } else if (!queries.hasRoles()) {
            scopes = TokenScopes.ofOwner(owner, user.admin() ? ScopeTree.ADMIN_ROLE : List.of("self"));
        } else {
            List<String> held = new ArrayList<>(queries.userRoleScopes(sql, user.id()));
            held.addAll(queries.shareScopes(sql, user.id(), now));
            scopes = tokenScopes(sql, token, owner, held);
        }
        return Grants.resolve(scopes, queries.directory(sql));
    }

    Grants serviceGrants(Sql sql, Candidate token, Service service) {
        ScopeOwner owner = ScopeOwner.service(service.name());
        ExpandedScopes scopes;
        if (!queries.hasRoles()) {
            scopes = TokenScopes.ofOwner(owner, service.admin() ? ScopeTree.ADMIN_ROLE : List.of());
        } else {
            scopes = tokenScopes(sql, token, owner, queries.serviceRoleScopes(sql, service.id()));
        }
        return Grants.resolve(scopes, queries.directory(sql));
    }

    private ExpandedScopes tokenScopes(Sql sql, Candidate token, ScopeOwner owner, List<String> held) {
        List<String> own = token.scopes() != null ? token.scopes() : queries.tokenRoleScopes(sql, token.id());
        return TokenScopes.of(
                owner.issuedTo(queries.clientOf(sql, token.clientId())), held, own, queries.directory(sql));
    }
}
