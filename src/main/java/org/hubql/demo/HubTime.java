package org.hubql.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Demo timestamps: microseconds before a fixed instant, written the way SQLAlchemy stores a naive UTC DATETIME. */
final class HubTime {
    static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");
    static final long BASE_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, BASE);
    static final long DAY_MICROS = 86_400_000_000L;

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private HubTime() {}

    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS}, always six fractional digits, no zone. */
    static String text(long epochMicros) {
        return DATETIME.format(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS));
    }

    static long epochSeconds(long epochMicros) {
        return Math.floorDiv(epochMicros, 1_000_000L);
    }

    /** A moment in the {@code days} before the base instant, more often recent than old. */
    static long recent(DemoRandom random, int days) {
        double ago = random.source().nextDouble();
        return BASE_MICROS - (long) (ago * ago * days * DAY_MICROS);
    }

    /** A moment up to {@code spanMicros} before {@code epochMicros}. */
    static long shortlyBefore(DemoRandom random, long epochMicros, long spanMicros) {
        return epochMicros - random.below(spanMicros);
    }
}
