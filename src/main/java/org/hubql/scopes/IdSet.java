package org.hubql.scopes;

import java.util.Arrays;
import java.util.Collection;

/** A compact immutable set of row ids: a sorted array searched by bisection. */
public final class IdSet {
    public static final IdSet EMPTY = new IdSet(new long[0]);

    private final long[] ids;

    private IdSet(long[] ids) {
        this.ids = ids;
    }

    public static IdSet of(Collection<Long> ids) {
        return ids.isEmpty()
                ? EMPTY
                : new IdSet(ids.stream()
                        .mapToLong(Long::longValue)
                        .sorted()
                        .distinct()
                        .toArray());
    }

    public boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    public int size() {
        return ids.length;
    }

    /** The ids in ascending order. */
    public java.util.List<Long> asList() {
        return Arrays.stream(ids).boxed().toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdSet that && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return Arrays.toString(ids);
    }
}
