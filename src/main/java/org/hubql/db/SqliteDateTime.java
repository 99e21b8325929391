package org.hubql.db;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Reads SQLAlchemy's SQLite datetime text ({@code 2026-11-26 19:54:14.871926}) without the general formatter when
 * the text has exactly that shape: a wide query reads thousands of them, and the formatter's optional sections
 * made parsing a visible part of its profile. Any other shape goes to the lenient formatter, as before.
 */
final class SqliteDateTime {
    private SqliteDateTime() {}

    static @Nullable LocalDateTime parse(String text, DateTimeFormatter lenient) {
        LocalDateTime fast = canonical(text);
        return fast != null ? fast : LocalDateTime.parse(text, lenient);
    }

    /** {@code yyyy-MM-dd[ T]HH:mm:ss[.f…f][Z]}, or null when the text has another shape. */
    private static @Nullable LocalDateTime canonical(String text) {
        int length = text.length();
        if (length < 19
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || (text.charAt(10) != ' ' && text.charAt(10) != 'T')) {
            return null;
        }
        int end = text.charAt(length - 1) == 'Z' ? length - 1 : length;
        int nanos = 0;
        if (end > 19) {
            int digits = end - 20;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = digits(text, 20, end);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
