package org.hubql.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packed owner → row ids: lookups by owner, the text SQLite builds, and the ids that cannot be packed. */
class OwnedIdsTest {

    @Test
    void reads_the_packed_text_and_answers_by_owner_then_id() throws Exception {
        String text = String.join(
                ",",
                String.valueOf(3L << 32 | 9),
                String.valueOf(1L << 32 | 5),
                String.valueOf(3L << 32 | 7),
                String.valueOf(1L << 32 | 2),
                String.valueOf(PackedIds.pack(Integer.MAX_VALUE, 0xFFFF_FFFFL)));
        OwnedIds ids = OwnedIds.read(text, 0, "rows");

        assertThat(ids.size()).isEqualTo(5);
        assertThat(ids.of(List.of(3L, 1L, 3L))).containsExactly(2L, 5L, 7L, 9L);
        assertThat(ids.of(List.of((long) Integer.MAX_VALUE))).containsExactly(0xFFFF_FFFFL);
        assertThat(ids.of(List.of(2L, 0L, -1L, Long.MAX_VALUE))).isEmpty();
        assertThat(OwnedIds.read(null, 0, "rows").size()).isZero();
    }

    @Test
    void ids_that_do_not_fit_are_refused() {
        assertThatThrownBy(() -> PackedIds.pack(Integer.MAX_VALUE + 1L, 1))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("beyond those hubql can index");
        assertThatThrownBy(() -> PackedIds.pack(1, 1L << 32)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> PackedIds.pack(-1, 1)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> OwnedIds.read("1", 2, "API tokens"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("2 API tokens have ids beyond");
    }
}
