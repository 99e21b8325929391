package org.hubql.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hubql.scopes.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * Recently verified tokens, keyed by a SHA-256 of the token (never the token), so a dashboard polling every second
 * does not pay JupyterHub's slow hash each time. Bounded; each entry lives for the TTL, or until its token expires,
 * whichever comes first: a revoked token is refused at the latest one TTL after its revocation. Entries belong to one
 * opening of the hub database ({@link org.hubql.db.Database#check()}): when a replaced SQLite file is reopened, every
 * token verified against the old file is forgotten.
 */
final class VerifiedTokens {
    private final Optional<Cache<String, Entry>> entries;
    private final Duration ttl;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();

    VerifiedTokens(int capacity, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = ttl.isZero() || capacity == 0
                ? Optional.empty()
                : Optional.of(Caffeine.newBuilder()
                        .maximumSize(capacity)
                        .expireAfter(Expiry.writing(
                                (String fingerprint, Entry entry) -> Duration.between(clock.instant(), entry.until())))
                        .ticker(() -> nanosSinceEpoch(clock.instant()))
                        .executor(Runnable::run)
                        .build());
    }

    @Nullable
    Viewer get(String fingerprint, long databaseGeneration) {
        forgetAllBut(databaseGeneration);
        return entries.map(cache -> cache.getIfPresent(fingerprint))
                .filter(entry -> entry.generation() == databaseGeneration)
                .map(Entry::viewer)
                .orElse(null);
    }

    /** Remembers a token verified against the given opening of the database; one from an older opening is not kept. */
    void put(String fingerprint, Viewer viewer, @Nullable Instant tokenExpiresAt, long databaseGeneration) {
        forgetAllBut(databaseGeneration);
        if (databaseGeneration != generation.get()) {
            return;
        }
        Instant until = clock.instant().plus(ttl);
        if (tokenExpiresAt != null && tokenExpiresAt.isBefore(until)) {
            until = tokenExpiresAt;
        }
        Entry entry = new Entry(viewer, until, databaseGeneration);
        entries.ifPresent(cache -> cache.put(fingerprint, entry));
    }

    /** How many tokens are remembered, once pending evictions are done; for tests. */
    long size() {
        return entries.map(cache -> {
                    cache.cleanUp();
                    return cache.estimatedSize();
                })
                .orElse(0L);
    }

    private static long nanosSinceEpoch(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** A newer opening forgets every entry; an older one (a request that started before the reopening) changes nothing. */
    private void forgetAllBut(long databaseGeneration) {
        long known = generation.get();
        if (databaseGeneration > known && generation.compareAndSet(known, databaseGeneration)) {
            entries.ifPresent(Cache::invalidateAll);
        }
    }

    private record Entry(Viewer viewer, Instant until, long generation) {}
}
