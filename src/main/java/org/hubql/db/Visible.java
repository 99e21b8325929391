package org.hubql.db;

import java.util.Set;

/**
 * Which rows of a list a viewer's grants reach, by owner: every row, or only those of the named users, spawners
 * and services. Applied in SQL, so a page and its {@code totalCount} agree with what the viewer may see.
 */
public sealed interface Visible {
    /** An unfiltered scope: every row. */
    record All() implements Visible {}

    /** A filtered scope: the rows these ids name, nothing else (empty sets: no row at all). */
    record Only(Set<Long> users, Set<Long> spawners, Set<Long> services) implements Visible {}

    Visible ALL = new All();
}
