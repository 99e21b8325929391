package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks a keyset-paged selection page by page from either end, as a client does, and checks each page's shape:
 * exactly the anchor (when it has one), the next rows, and one more, as a {@link PageWindow} asks.
 */
final class KeysetWalk {
    private static final int[] PAGE_SIZES = {1, 7, 1000};

    private KeysetWalk() {
        // non-constructable
    }

    /** A row as a walk needs it: its id, and the value its order sorts by ({@code null} in id order). */
    record Keyed(long id, @Nullable Object sortValue) {}

    /** Asserts that walks by pages of 1, 7 and 1,000 rows, forward and backward, each read exactly {@code expected}. */
    static void assertEveryWalkReads(List<Long> expected, Function<PageWindow, List<Keyed>> pages, String as) {
        for (int size : PAGE_SIZES) {
            assertThat(ids(pages, size, Walk.FORWARD))
                    .as(as + " forward by " + size)
                    .isEqualTo(expected);
            assertThat(ids(pages, size, Walk.BACKWARD))
                    .as(as + " backward by " + size)
                    .isEqualTo(expected);
        }
    }

    /** Every id of the selection, in its order, read by pages of {@code size} from the end {@code walk} starts at. */
    static List<Long> ids(Function<PageWindow, List<Keyed>> pages, int size, Walk walk) {
        List<Long> seen = new ArrayList<>();
        KeysetPosition anchor = null;
        while (true) {
            PageWindow window = walk == Walk.FORWARD
                    ? new PageWindow(anchor, null, walk, size)
                    : new PageWindow(null, anchor, walk, size);
            List<Keyed> page = pages.apply(window);
            List<Keyed> fresh = anchor == null ? page : page.subList(Math.min(1, page.size()), page.size());
            if (anchor != null) {
                assertThat(page.get(0).id())
                        .as("the anchor's own row comes first")
                        .isEqualTo(anchor.id());
            }
            List<Keyed> shown = fresh.subList(0, Math.min(size, fresh.size()));
            for (Keyed row : shown) {
                if (walk == Walk.FORWARD) {
                    seen.add(row.id());
                } else {
                    seen.add(0, row.id());
                }
            }
            if (fresh.size() <= size) {
                return seen;
            }
            Keyed last = shown.get(shown.size() - 1);
            anchor = new KeysetPosition(last.sortValue(), last.id());
        }
    }
}
