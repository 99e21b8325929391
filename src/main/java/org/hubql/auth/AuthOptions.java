package org.hubql.auth;

import java.time.Duration;

/**
 * How tokens are checked: {@code enabled} false serves everything to everyone (loopback only); verified tokens are
 * remembered for {@code cacheTtl}, at most {@code cacheSize} of them.
 */
public record AuthOptions(boolean enabled, Duration cacheTtl, int cacheSize) {

    public static AuthOptions defaults() {
        return new AuthOptions(true, Duration.ofSeconds(10), 1024);
    }

    public static AuthOptions disabled() {
        return new AuthOptions(false, Duration.ZERO, 0);
    }
}
