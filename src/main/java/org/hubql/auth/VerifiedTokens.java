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
 */
final class VerifiedTokens {
    private final Map<String, Entry> entries;
    private final Duration ttl;
    private final Clock clock;

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

    synchronized Viewer get(String fingerprint) {
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

    synchronized void put(String fingerprint, Viewer viewer, Instant tokenExpiresAt) {
        if (ttl.isZero()) {
            return;
        }
        Instant until = clock.instant().plus(ttl);
        if (tokenExpiresAt != null && tokenExpiresAt.isBefore(until)) {
            until = tokenExpiresAt;
        }
        entries.put(fingerprint, new Entry(viewer, until));
    }

    private record Entry(Viewer viewer, Instant until) {}
}
