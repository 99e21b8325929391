package org.hubql.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hubql.db.Database;
import org.hubql.db.Queries;
import org.hubql.db.Sql;
import org.hubql.db.SqlTrace;
import org.hubql.db.TokenLookupQueries;
import org.hubql.db.TokenLookupQueries.Candidate;
import org.hubql.model.Service;
import org.hubql.model.User;
import org.hubql.model.Viewer;

/**
 * Verifies a JupyterHub token against the hub's own database, as JupyterHub does: candidate rows by prefix in
 * {@code api_tokens} (and {@code oauth_access_tokens} on hubs before 2.0), then the salted hash of each. Expired
 * tokens and tokens whose owner is gone are refused. Who owns the token decides what its {@link Viewer} sees.
 */
public final class TokenAuthenticator {
    private static final long LOOKUP_DEADLINE_NANOS = 10_000_000_000L;
    private static final int MAX_TOKEN_LENGTH = 512;
    /** Unfiltered scopes that read every user (JupyterHub 2.0+); {@code admin:users} and {@code users} imply the others. */
    private static final Set<String> READ_ALL_USERS = Set.of("admin:users", "users", "list:users", "read:users");

    private final Database database;
    private final Queries queries;
    private final TokenLookupQueries lookups;
    private final VerifiedTokens verified;
    private final Clock clock;

    public TokenAuthenticator(Database database, AuthOptions options) {
        this(database, options, Clock.systemUTC());
    }

    TokenAuthenticator(Database database, AuthOptions options, Clock clock) {
        this.database = database;
        this.queries = Queries.forSchema(database.schema());
        this.lookups = new TokenLookupQueries(database.schema());
        this.verified = new VerifiedTokens(options.cacheSize(), options.cacheTtl(), clock);
        this.clock = clock;
    }

    /**
     * The token of an {@code Authorization: token …} or {@code Authorization: Bearer …} header (either word in any
     * case), or null when the header is absent or has another scheme.
     */
    public static String tokenFromHeader(String authorization) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = trimmed.substring(0, space).toLowerCase(Locale.ROOT);
        String token = trimmed.substring(space + 1).trim();
        return (scheme.equals("token") || scheme.equals("bearer")) && !token.isEmpty() ? token : null;
    }

    /** The viewer the token belongs to, or null when no valid token matches. */
    public Viewer authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        String fingerprint = JupyterHubHash.fingerprint(token);
        Viewer cached = verified.get(fingerprint);
        if (cached != null) {
            return cached;
        }
        Sql sql = database.newSql(new SqlTrace(false), System.nanoTime() + LOOKUP_DEADLINE_NANOS);
        Instant now = clock.instant();
        for (Candidate candidate : lookups.candidates(sql, token)) {
            if (isExpired(candidate, now) || !JupyterHubHash.matches(candidate.hashed(), token)) {
                continue;
            }
            Viewer viewer = owner(sql, candidate);
            if (viewer != null) {
                verified.put(fingerprint, viewer, candidate.expiresAt());
            }
            return viewer;
        }
        return null;
    }

    private static boolean isExpired(Candidate candidate, Instant now) {
        return candidate.expiresAt() != null && !now.isBefore(candidate.expiresAt());
    }

    private Viewer owner(Sql sql, Candidate candidate) {
        if (candidate.userId() != null) {
            User user = queries.users().byIds(sql, List.of(candidate.userId())).get(candidate.userId());
            if (user == null) {
                return null;
            }
            boolean ownerReadsAll = user.admin() || readsAllUsers(lookups.userRoleScopes(sql, user.id()));
            return new Viewer(Viewer.Kind.USER, user.id(), ownerReadsAll && tokenAllowsAll(candidate.scopes()));
        }
        if (candidate.serviceId() != null) {
            Service service = queries.services().byIds(sql, List.of(candidate.serviceId())).get(candidate.serviceId());
            if (service == null) {
                return null;
            }
            boolean ownerReadsAll = service.admin() || readsAllUsers(lookups.serviceRoleScopes(sql, service.id()));
            return new Viewer(Viewer.Kind.SERVICE, service.id(), ownerReadsAll && tokenAllowsAll(candidate.scopes()));
        }
        return null;
    }

    /** Hubs before 2.0 have no token scopes: a token carries all of its owner's rights, as {@code inherit} does. */
    private static boolean tokenAllowsAll(List<String> tokenScopes) {
        return tokenScopes == null || tokenScopes.contains("inherit") || readsAllUsers(tokenScopes);
    }

    private static boolean readsAllUsers(List<String> scopes) {
        return scopes.stream().anyMatch(READ_ALL_USERS::contains);
    }
}
