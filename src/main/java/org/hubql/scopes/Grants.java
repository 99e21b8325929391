package org.hubql.scopes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one token may read: its expanded scopes, each resolved to the row ids its filters name, so that checking an
 * object is a lookup. Immutable (but for one memo), and cached with the verified token.
 */
public final class Grants {
    private final ExpandedScopes scopes;
    private final Map<String, Reach> reach;
    private volatile Covered covered = new Covered(List.of(), true);

    private Grants(ExpandedScopes scopes, Map<String, Reach> reach) {
        this.scopes = scopes;
        this.reach = Map.copyOf(reach);
    }

    /** Every scope, unfiltered: {@code --no-auth}. */
    public static Grants everything() {
        List<String> all = ScopeTree.KNOWN.stream()
                .filter(scope -> !scope.equals("self") && !scope.equals("inherit"))
                .toList();
        ExpandedScopes scopes = ExpandedScopes.parse(all);
        Map<String, Reach> reach = new HashMap<>();
        scopes.byBase().keySet().forEach(base -> reach.put(base, Reach.EVERYTHING));
        return new Grants(scopes, reach);
    }

    /** The scopes with their filters' names looked up in {@code directory}, one statement per kind of name. */
    public static Grants resolve(ExpandedScopes scopes, Directory directory) {
        Map<FilterKind, Set<String>> names = scopes.namesByKind();
        Map<String, Long> users = lookUp(names, FilterKind.USER, directory::userIds);
        Map<String, Long> groups = lookUp(names, FilterKind.GROUP, directory::groupIds);
        Map<Long, IdSet> members = groups.isEmpty() ? Map.of() : directory.membersOf(Set.copyOf(groups.values()));
        Map<String, Long> services = lookUp(names, FilterKind.SERVICE, directory::serviceIds);
        Map<String, Long> spawners = lookUp(names, FilterKind.SERVER, directory::spawnerIds);
        Map<String, Reach> reach = new HashMap<>();
        scopes.byBase()
                .forEach((base, filter) -> reach.put(
                        base,
                        filter.all()
                                ? Reach.EVERYTHING
                                : new Reach.Named(
                                        ids(filter.names(FilterKind.USER), users),
                                        ids(filter.names(FilterKind.GROUP), groups),
                                        filter.names(FilterKind.GROUP).stream()
                                                .map(groups::get)
                                                .filter(id -> id != null)
                                                .map(id -> members.getOrDefault(id, IdSet.EMPTY))
                                                .toList(),
                                        ids(filter.names(FilterKind.SERVER), spawners),
                                        ids(filter.names(FilterKind.SERVICE), services))));
        return new Grants(scopes, reach);
    }

    private static Map<String, Long> lookUp(
            Map<FilterKind, Set<String>> names,
            FilterKind kind,
            java.util.function.Function<Set<String>, Map<String, Long>> query) {
        Set<String> wanted = names.getOrDefault(kind, Set.of());
        return wanted.isEmpty() ? Map.of() : query.apply(wanted);
    }

    private static IdSet ids(Set<String> names, Map<String, Long> idsByName) {
        List<Long> ids = new ArrayList<>(names.size());
        for (String name : names) {
            Long id = idsByName.get(name);
            if (id != null) {
                ids.add(id);
            }
        }
        return IdSet.of(ids);
    }

    public ExpandedScopes scopes() {
        return scopes;
    }

    /** The objects {@code base} covers; {@link Reach#NOTHING} when the scope is not held. */
    public Reach reach(String base) {
        return reach.getOrDefault(base, Reach.NOTHING);
    }

    public boolean allows(String base, Subject subject) {
        return reach(base).covers(subject);
    }

    /** Whether every one of these scopes is held unfiltered: nothing they guard is hidden from this token. */
    public boolean coversAll(Collection<String> bases) {
        Covered last = covered;
        if (last.bases() == bases) {
            return last.all();
        }
        boolean all = bases.stream().allMatch(base -> reach(base) instanceof Reach.Everything);
        covered = new Covered(bases, all);
        return all;
    }

    /**
     * The last answer of {@link #coversAll}, by the identity of its argument: every request asks it about the
     * schema's one set of declared scopes, and grants are cached with their token, so it is computed once a token.
     */
    private record Covered(Collection<String> bases, boolean all) {}

    @Override
    public String toString() {
        return scopes.toString();
    }
}
