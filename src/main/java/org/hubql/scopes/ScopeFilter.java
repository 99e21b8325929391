package org.hubql.scopes;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which objects one base scope covers: all of them, or those named by its filters, kind by kind (the values of
 * JupyterHub's parsed scopes). Immutable.
 */
public final class ScopeFilter {
    public static final ScopeFilter ALL = new ScopeFilter(true, Map.of());

    private final boolean all;
    private final Map<FilterKind, Set<String>> names;

    private ScopeFilter(boolean all, Map<FilterKind, Set<String>> names) {
        this.all = all;
        this.names = names;
    }

    /** A filter naming exactly these objects; kinds with no names are left out. */
    static ScopeFilter of(Map<FilterKind, Set<String>> names) {
        Map<FilterKind, Set<String>> kept = new EnumMap<>(FilterKind.class);
        names.forEach((kind, values) -> {
            if (!values.isEmpty()) {
                kept.put(kind, Collections.unmodifiableSet(new TreeSet<>(values)));
            }
        });
        return new ScopeFilter(false, Collections.unmodifiableMap(kept));
    }

    public boolean all() {
        return all;
    }

    /** True for a filtered scope whose filters name nothing: the scope is not held at all. */
    boolean isEmpty() {
        return !all && names.isEmpty();
    }

    /** The names of one kind; empty for {@link #ALL}, which names no one in particular. */
    public Set<String> names(FilterKind kind) {
        return names.getOrDefault(kind, Set.of());
    }

    boolean has(FilterKind kind) {
        return names.containsKey(kind);
    }

    Map<FilterKind, Set<String>> byKind() {
        return names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScopeFilter that && all == that.all && names.equals(that.names);
    }

    @Override
    public int hashCode() {
        return all ? 1 : names.hashCode();
    }

    @Override
    public String toString() {
        return all ? "ALL" : names.toString();
    }
}
