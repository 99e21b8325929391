package org.hubql.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code operation} label: the names of operations that ran, up to a fixed number of distinct ones, so that
 * clients inventing new names cannot grow the metrics without bound. Later names, and overlong ones, count as
 * {@link #OTHER}.
 */
final class OperationNames {
    static final String OTHER = "(other)";
    private static final int MAX_LENGTH = 64;

    private final int capacity;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    OperationNames(int capacity) {
        this.capacity = capacity;
    }

    String label(String operation) {
        if (known.contains(operation)) {
            return operation;
        }
        if (operation.length() > MAX_LENGTH || known.size() >= capacity) {
            return OTHER;
        }
        known.add(operation);
        return operation;
    }
}
