package org.hubql.db;

/** Which way a page walks its connection's order: forward for {@code first}/{@code after}, backward for {@code last}/{@code before}. */
public enum Walk {
    FORWARD,
    BACKWARD;

    Walk opposite() {
        return this == FORWARD ? BACKWARD : FORWARD;
    }
}
