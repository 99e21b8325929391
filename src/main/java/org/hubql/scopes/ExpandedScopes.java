package org.hubql.scopes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A set of expanded scopes in JupyterHub's parsed form ({@code parse_scopes}): each base scope with the objects it
 * covers. Overlaps are reduced as {@code reduce_scopes} does: an unfiltered scope swallows filtered copies of
 * itself, and the filters of one base are merged kind by kind. Immutable.
 */
public final class ExpandedScopes {
    public static final ExpandedScopes NONE = new ExpandedScopes(Map.of());

    private final Map<String, ScopeFilter> byBase;

    private ExpandedScopes(Map<String, ScopeFilter> byBase) {
        this.byBase = byBase;
    }

    /** Parses expanded scope strings such as {@code read:users!group=students}. */
    public static ExpandedScopes parse(Collection<String> scopes) {
        Map<String, Map<FilterKind, Set<String>>> filters = new TreeMap<>();
        Set<String> unfiltered = new HashSet<>();
        for (String scope : scopes) {
            int bang = scope.indexOf('!');
            String base = bang < 0 ? scope : scope.substring(0, bang);
            if (bang < 0) {
                unfiltered.add(base);
                filters.putIfAbsent(base, new EnumMap<>(FilterKind.class));
                continue;
            }
            String filter = scope.substring(bang + 1);
            int equals = filter.indexOf('=');
            if (equals <= 0 || equals == filter.length() - 1) {
                continue; // an unexpanded or empty filter never matches anything
            }
            Map<FilterKind, Set<String>> kinds = filters.computeIfAbsent(base, b -> new EnumMap<>(FilterKind.class));
            FilterKind.named(filter.substring(0, equals))
                    .ifPresent(kind ->
                            kinds.computeIfAbsent(kind, k -> new TreeSet<>()).add(filter.substring(equals + 1)));
        }
        Map<String, ScopeFilter> parsed = new TreeMap<>();
        filters.forEach((base, kinds) ->
                put(parsed, base, unfiltered.contains(base) ? ScopeFilter.ALL : ScopeFilter.of(kinds)));
        return new ExpandedScopes(parsed);
    }

    private static void put(Map<String, ScopeFilter> parsed, String base, ScopeFilter filter) {
        if (!filter.isEmpty()) {
            parsed.put(base, filter);
        }
    }

    /** The base scopes held, each with what it covers. */
    public Map<String, ScopeFilter> byBase() {
        return java.util.Collections.unmodifiableMap(byBase);
    }

    public boolean holds(String base) {
        return byBase.containsKey(base);
    }

    public ScopeFilter filter(String base) {
        return byBase.get(base);
    }

    /** Whether {@code base} is held unfiltered, or filtered to include the object of that kind and name. */
    public boolean covers(String base, FilterKind kind, String name) {
        ScopeFilter filter = byBase.get(base);
        return filter != null && (filter.all() || filter.names(kind).contains(name));
    }

    /** The scopes as JupyterHub writes them ({@code unparse_scopes}), sorted. */
    public List<String> asStrings() {
        List<String> scopes = new ArrayList<>();
        byBase.forEach((base, filter) -> {
            if (filter.all()) {
                scopes.add(base);
            } else {
                filter.byKind()
                        .forEach((kind, names) ->
                                names.forEach(name -> scopes.add(base + "!" + kind.key() + "=" + name)));
            }
        });
        scopes.sort(null);
        return List.copyOf(scopes);
    }

    public ExpandedScopes union(ExpandedScopes other) {
        List<String> both = new ArrayList<>(asStrings());
        both.addAll(other.asStrings());
        return parse(both);
    }

    /**
     * What both sets allow ({@code _intersect_expanded_scopes} with a database): per base held on both sides, an
     * unfiltered side yields the other side; otherwise the kinds both sides filter on, with the names both name,
     * and also a user of one side who is in a group of the other, and a server of one side whose user is named
     * by, or in a group of, the other.
     */
    public ExpandedScopes intersect(ExpandedScopes other, GroupMembership groups) {
        Map<String, ScopeFilter> common = new TreeMap<>();
        for (Map.Entry<String, ScopeFilter> entry : byBase.entrySet()) {
            ScopeFilter mine = entry.getValue();
            ScopeFilter theirs = other.byBase.get(entry.getKey());
            if (theirs == null) {
                continue;
            }
            ScopeFilter both = mine.all() ? theirs : theirs.all() ? mine : intersect(mine, theirs, groups);
            put(common, entry.getKey(), both);
        }
        return new ExpandedScopes(common);
    }

    private static ScopeFilter intersect(ScopeFilter a, ScopeFilter b, GroupMembership groups) {
        Map<FilterKind, Set<String>> common = new EnumMap<>(FilterKind.class);
        for (FilterKind kind : FilterKind.values()) {
            if (a.has(kind) && b.has(kind)) {
                Set<String> names = new TreeSet<>(a.names(kind));
                names.retainAll(b.names(kind));
                common.put(kind, names);
            }
        }
        Set<String> servers = new TreeSet<>(common.getOrDefault(FilterKind.SERVER, Set.of()));
        Set<String> users = new TreeSet<>(common.getOrDefault(FilterKind.USER, Set.of()));
        for (ScopeFilter[] sides : new ScopeFilter[][] {{a, b}, {b, a}}) {
            ScopeFilter one = sides[0];
            ScopeFilter two = sides[1];
            for (String server : one.names(FilterKind.SERVER)) {
                String user = userOf(server);
                if (two.names(FilterKind.USER).contains(user) || inAnyGroup(user, two, groups)) {
                    servers.add(server);
                }
            }
            for (String user : one.names(FilterKind.USER)) {
                if (inAnyGroup(user, two, groups)) {
                    users.add(user);
                }
            }
        }
        common.put(FilterKind.SERVER, servers);
        common.put(FilterKind.USER, users);
        return ScopeFilter.of(common);
    }

    private static boolean inAnyGroup(String user, ScopeFilter filter, GroupMembership groups) {
        Set<String> wanted = filter.names(FilterKind.GROUP);
        return !wanted.isEmpty() && groups.groupsOf(user).stream().anyMatch(wanted::contains);
    }

    /** The user part of a server filter {@code user/name}. */
    static String userOf(String server) {
        int slash = server.indexOf('/');
        return slash < 0 ? server : server.substring(0, slash);
    }

    /** Every user, group, server and service name any filter mentions, by kind. */
    public Map<FilterKind, Set<String>> namesByKind() {
        Map<FilterKind, Set<String>> all = new HashMap<>();
        byBase.values()
                .forEach(filter -> filter.byKind()
                        .forEach((kind, names) ->
                                all.computeIfAbsent(kind, k -> new TreeSet<>()).addAll(names)));
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpandedScopes that && byBase.equals(that.byBase);
    }

    @Override
    public int hashCode() {
        return byBase.hashCode();
    }

    @Override
    public String toString() {
        return asStrings().toString();
    }
}
