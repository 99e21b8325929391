package org.hubql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hubql.scopes.Grants;
import org.hubql.scopes.Viewer;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens: bounded, short-lived, and never outliving the token itself. */
class VerifiedTokensTest {
    private static final Viewer ALICE = new Viewer(Viewer.Kind.USER, 2, Grants.everything());
    private final MutableClock clock = new MutableClock();

    @Test
    void an_entry_lives_for_the_ttl_only() {
        VerifiedTokens cache = new VerifiedTokens(10, Duration.ofSeconds(10), clock);
        cache.put("a", ALICE, null, 0);
        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.get("a", 0)).isEqualTo(ALICE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("a", 0)).isNull();
    }

    @Test
    void an_entry_never_outlives_the_token_expiry() {
        VerifiedTokens cache = new VerifiedTokens(10, Duration.ofSeconds(10), clock);
        cache.put("a", ALICE, clock.instant().plusSeconds(2), 0);
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.get("a", 0)).isNull();
    }

    @Test
    void the_cache_is_bounded() {
        VerifiedTokens cache = new VerifiedTokens(2, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 100; i++) {
            cache.put("token " + i, ALICE, null, 0);
        }
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void a_token_used_often_stays_while_others_come_and_go() {
        VerifiedTokens cache = new VerifiedTokens(2, Duration.ofSeconds(10), clock);
        cache.put("dashboard", ALICE, null, 0);
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get("dashboard", 0)).isEqualTo(ALICE);
            cache.put("one-off " + i, ALICE, null, 0);
        }
        assertThat(cache.get("dashboard", 0)).isEqualTo(ALICE);
    }

    @Test
    void an_entry_can_be_replaced_and_lives_from_then_on() {
        VerifiedTokens cache = new VerifiedTokens(10, Duration.ofSeconds(10), clock);
        cache.put("a", ALICE, null, 0);
        clock.advance(Duration.ofSeconds(8));
        cache.put("a", ALICE, null, 0);
        clock.advance(Duration.ofSeconds(8));
        assertThat(cache.get("a", 0)).isEqualTo(ALICE);
    }

    @Test
    void a_zero_ttl_caches_nothing() {
        VerifiedTokens cache = new VerifiedTokens(2, Duration.ZERO, clock);
        cache.put("a", ALICE, null, 0);
        assertThat(cache.get("a", 0)).isNull();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void a_new_opening_of_the_database_forgets_every_token_and_an_old_one_adds_none() {
        VerifiedTokens cache = new VerifiedTokens(10, Duration.ofSeconds(10), clock);
        cache.put("a", ALICE, null, 0);
        assertThat(cache.get("a", 1)).isNull();
        cache.put("b", ALICE, null, 0);
        assertThat(cache.get("b", 1)).isNull();
        cache.put("c", ALICE, null, 1);
        assertThat(cache.get("c", 1)).isEqualTo(ALICE);
    }
}
