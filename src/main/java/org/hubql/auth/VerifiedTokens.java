package org.hubql.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubql.scopes.Viewer;

/**
 * Recently verified tokens, keyed by a SHA-256 of the token (never the token), so a dashboard polling every second
 * does not pay JupyterHub's slow hash each time. Bounded; each entry lives for the TTL, or until its token expires.
 * Entries belong to one opening of the hub database ({@link org.hubql.db.Database#check()}): when a replaced SQLite
 * file is reopened, every token verified against the old file is forgotten.
 */
final class VerifiedTokens {
    private final Map<String, Entry> entries;
    private final Duration ttl;
    private final Clock clock;
    private long generation;

    VerifiedTokens(int capacity, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Viewer get(String fingerprint, long databaseGeneration) {
        forgetAllBut(databaseGeneration);
        Entry entry = entries.get(fingerprint);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(fingerprint);
            return null;
        }
        return entry.viewer();
    }

    /** Remembers a token verified against the given opening of the database; one from an older opening is not kept. */
    synchronized void put(String fingerprint, Viewer viewer, Instant tokenExpiresAt, long databaseGeneration) {
        forgetAllBut(databaseGeneration);
        if (ttl.isZero() || databaseGeneration != generation) {
            return;
        }
        Instant until = clock.instant().plus(ttl);
        if (tokenExpiresAt != null && tokenExpiresAt.isBefore(until)) {
            until = tokenExpiresAt;
        }
        entries.put(fingerprint, new Entry(viewer, until));
    }

    /** A newer opening forgets every entry; an older one (a request that started before the reopening) changes nothing. */
    private void forgetAllBut(long databaseGeneration) {
        if (databaseGeneration > generation) {
            entries.clear();
            generation = databaseGeneration;
        }
    }

    private record Entry(Viewer viewer, Instant until) {}
}
