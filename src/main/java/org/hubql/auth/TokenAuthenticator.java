package org.hubql.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.hubql.db.Database;
import org.hubql.db.Queries;
import org.hubql.db.ScopeQueries;
import org.hubql.db.Sql;
import org.hubql.db.SqlTrace;
import org.hubql.db.TokenLookupQueries;
import org.hubql.db.TokenLookupQueries.Candidate;
import org.hubql.model.Service;
import org.hubql.model.User;
import org.hubql.scopes.Viewer;

/**
 * Verifies a JupyterHub token against the hub's own database, as JupyterHub does: candidate rows by prefix in
 * {@code api_tokens} (and {@code oauth_access_tokens} on hubs before 2.0), then the salted hash of each. Expired
 * tokens and tokens whose owner is gone are refused. The token's scopes decide what its {@link Viewer} may read.
 */
public final class TokenAuthenticator {
    private static final long LOOKUP_DEADLINE_NANOS = 10_000_000_000L;
    private static final int MAX_TOKEN_LENGTH = 512;

    private final Database database;
    private final Queries queries;
    private final TokenLookupQueries lookups;
    private final ScopeReader scopes;
    private final VerifiedTokens verified;
    private final Clock clock;
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();

    public TokenAuthenticator(Database database, AuthOptions options) {
        this(database, options, Clock.systemUTC());
    }

    TokenAuthenticator(Database database, AuthOptions options, Clock clock) {
        this.database = database;
        this.queries = database.queries();
        this.lookups = new TokenLookupQueries(database.schema());
        this.scopes = new ScopeReader(new ScopeQueries(database.schema()));
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

    /**
     * The viewer the token belongs to, or null when no valid token matches.
     *
     * @throws org.hubql.db.DatabaseUnavailableException when the hub database cannot be read now
     */
    public Viewer authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        String fingerprint = JupyterHubHash.fingerprint(token);
        // checks the database first, so that a token verified against a file since replaced is not taken on trust
        Sql sql = database.newSql(new SqlTrace(false), System.nanoTime() + LOOKUP_DEADLINE_NANOS);
        Viewer cached = verified.get(fingerprint, sql.generation());
        if (cached != null) {
            cacheHits.increment();
            return cached;
        }
        cacheMisses.increment();
        Instant now = clock.instant();
        for (Candidate candidate : lookups.candidates(sql, token)) {
            if (isExpired(candidate, now) || !JupyterHubHash.matches(candidate.hashed(), token)) {
                continue;
            }
            Viewer viewer = owner(sql, candidate, now);
            if (viewer != null) {
                verified.put(fingerprint, viewer, candidate.expiresAt(), sql.generation());
            }
            return viewer;
        }
        return null;
    }

    /** Tokens answered from the cache of recently verified tokens, since start. */
    public long cacheHits() {
        return cacheHits.sum();
    }

    /** Tokens that had to be looked up in the hub database (valid or not), since start. */
    public long cacheMisses() {
        return cacheMisses.sum();
    }

    private static boolean isExpired(Candidate candidate, Instant now) {
        return candidate.expiresAt() != null && !now.isBefore(candidate.expiresAt());
    }

    private Viewer owner(Sql sql, Candidate candidate, Instant now) {
        if (candidate.userId() != null) {
            User user = queries.users().byIds(sql, List.of(candidate.userId())).get(candidate.userId());
            return user == null
                    ? null
                    : new Viewer(Viewer.Kind.USER, user.id(), scopes.userGrants(sql, candidate, user, now));
        }
        if (candidate.serviceId() != null) {
            Service service = queries.services()
                    .byIds(sql, List.of(candidate.serviceId()))
                    .get(candidate.serviceId());
            return service == null
                    ? null
                    : new Viewer(Viewer.Kind.SERVICE, service.id(), scopes.serviceGrants(sql, candidate, service));
        }
        return null;
    }
}
