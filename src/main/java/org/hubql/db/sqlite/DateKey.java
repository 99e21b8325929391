package org.hubql.db.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * A date as a {@code long} that orders as SQLite orders the text JupyterHub stores ({@code 2026-11-26 19:54:14.871926},
 * SQLAlchemy's format, which hubql also binds its parameters in): for two texts of exactly that shape, comparing the
 * keys compares the texts. A text of any other shape has no key, and an index that meets one is not used.
 */
final class DateKey {
    /** The key of a null date; every real key is positive. */
    static final long NULL = -1;

    private static final int LENGTH = 26;

    private DateKey() {
        // non-constructable
    }

    /** The key of {@code text[from, to)}, or empty when that is not a date of exactly SQLAlchemy's shape. */
    static OptionalLong of(CharSequence text, int from, int to) {
        if (to - from != LENGTH || !separatorsAt(text, from)) {
            return OptionalLong.empty();
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        int hour = digits(text, from + 11, 2);
        int minute = digits(text, from + 14, 2);
        int second = digits(text, from + 17, 2);
        int micros = digits(text, from + 20, 6);
        if ((year | month | day | hour | minute | second | micros) < 0
                || month > 12
                || day > 31
                || hour > 23
                || minute > 59
                || second > 59) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(compose(year, month, day, hour, minute, second, micros));
    }

    /** The key of the text hubql binds for {@code instant} on SQLite; empty for a year that text cannot hold in 4 digits. */
    static OptionalLong of(Instant instant) {
        if (instant.isBefore(Instant.parse("0000-01-01T00:00:00Z"))
                || !instant.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
            return OptionalLong.empty();
        }
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return OptionalLong.of(compose(
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getHour(),
                time.getMinute(),
                time.getSecond(),
                time.getNano() / 1000));
    }

    private static long compose(int year, int month, int day, int hour, int minute, int second, int micros) {
        long days = (year * 13L + month) * 32 + day;
        long seconds = ((days * 24 + hour) * 60 + minute) * 60 + second;
        return seconds * 1_000_000 + micros;
    }

    private static boolean separatorsAt(CharSequence text, int from) {
        return text.charAt(from + 4) == '-'
                && text.charAt(from + 7) == '-'
                && text.charAt(from + 10) == ' '
                && text.charAt(from + 13) == ':'
                && text.charAt(from + 16) == ':'
                && text.charAt(from + 19) == '.';
    }

    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
