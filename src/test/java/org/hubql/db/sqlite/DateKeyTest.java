package org.hubql.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Date keys order as SQLite orders the texts, and an instant's key is that of the text hubql binds for it. */
class DateKeyTest {
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Test
    void keys_compare_as_the_texts_compare_and_an_instant_keys_as_its_bound_text() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            String first = text(random);
            String second = random.nextInt(10) == 0 ? first : text(random);
            long firstKey = DateKey.of(first, 0, first.length()).orElseThrow();
            long secondKey = DateKey.of(second, 0, second.length()).orElseThrow();
            assertThat(Long.signum(Long.compare(firstKey, secondKey)))
                    .as("%s against %s", first, second)
                    .isEqualTo(Integer.signum(first.compareTo(second)));
            Instant instant =
                    LocalDateTime.parse(first, BOUND).toInstant(ZoneOffset.UTC).plusNanos(random.nextInt(1000));
            assertThat(DateKey.of(instant)).hasValue(firstKey);
            assertThat(firstKey).isGreaterThan(DateKey.NULL);
        }
    }

    @Test
    void texts_of_another_shape_and_years_beyond_four_digits_have_no_key() {
        for (String text : new String[] {
            "2026-11-29T10:00:00.000000", "2026-11-29 10:00:00", "2026-11-29 10:00:00.0000001",
                    "2026-13-01 00:00:00.000000",
            "2026-11-29 24:00:00.000000", " 2026-11-29 10:00:00.00000", "2026-11-29 10:00:00,000000", ""
        }) {
            assertThat(DateKey.of(text, 0, text.length())).as(text).isEmpty();
        }
        assertThat(DateKey.of(Instant.parse("+10000-01-01T00:00:00Z"))).isEmpty();
        assertThat(DateKey.of(Instant.parse("-0001-12-31T23:59:59Z"))).isEmpty();
    }

    private static String text(Random random) {
        LocalDateTime time = LocalDateTime.of(
                random.nextInt(3) == 0 ? random.nextInt(10_000) : 2020 + random.nextInt(10),
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                random.nextInt(24),
                random.nextInt(60),
                random.nextInt(60),
                random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000) * 1000);
        return BOUND.format(time);
    }
}
