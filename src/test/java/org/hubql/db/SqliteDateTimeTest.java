package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path reads every shape exactly as the lenient formatter does. */
class SqliteDateTimeTest {
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendLiteral('Z')
            .optionalEnd()
            .toFormatter();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-26 19:54:14.871926",
                "2026-11-26 19:54:14",
                "2026-11-26T19:54:14.1Z",
                "2026-11-26 19:54:14.123456789",
                "2024-02-29 00:00:00.000001",
                "2026-11-26T19:54:14Z",
                "1999-01-01 23:59:59.5"
            })
    void reads_like_the_formatter(String text) {
        assertThat(SqliteDateTime.parse(text, LENIENT)).isEqualTo(LocalDateTime.parse(text, LENIENT));
    }
}
