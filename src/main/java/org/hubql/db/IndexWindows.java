package org.hubql.db;

import java.time.Instant;
import java.util.Optional;
import org.hubql.db.sqlite.IndexWindow;
import org.hubql.db.sqlite.IndexWindow.Position;
import org.jspecify.annotations.Nullable;

/** A {@link PageWindow} as the SQLite indexes walk it ({@link IndexWindow}). */
final class IndexWindows {
    private IndexWindows() {
        // non-constructable
    }

    static IndexWindow of(PageWindow window, boolean descending) {
        return new IndexWindow(
                descending,
                position(window.anchor()),
                position(window.walk() == Walk.FORWARD ? window.before() : window.after()),
                window.walk() == Walk.BACKWARD,
                window.limit());
    }

    private static Optional<Position> position(@Nullable KeysetPosition position) {
        if (position == null) {
            return Optional.empty();
        }
        return Optional.of(new Position(
                position.sortValue() instanceof Instant instant ? Optional.of(instant) : Optional.empty(),
                position.id()));
    }
}
