package org.hubql.scopes;

import static java.util.Map.entry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JupyterHub's scope definitions ({@code scopes.scope_definitions}, 5.x): every scope it knows, and the subscopes
 * each one implies. A scope not listed here (a custom scope) implies nothing else.
 */
public final class ScopeTree {
    private static final Map<String, List<String>> SUBSCOPES = Map.ofEntries(
            entry("admin:users", List.of("admin:auth_state", "users", "read:roles:users", "delete:users")),
            entry("users", List.of("read:users", "list:users", "users:activity")),
            entry("list:users", List.of("read:users:name")),
            entry("read:users", List.of("read:users:name", "read:users:groups", "read:users:activity")),
            entry("read:roles", List.of("read:roles:users", "read:roles:services", "read:roles:groups")),
            entry("users:activity", List.of("read:users:activity")),
            entry("admin:servers", List.of("admin:server_state", "servers")),
            entry("servers", List.of("read:servers", "delete:servers")),
            entry("read:servers", List.of("read:users:name")),
            entry("tokens", List.of("read:tokens")),
            entry("admin:groups", List.of("groups", "read:roles:groups", "delete:groups")),
            entry("groups", List.of("read:groups", "list:groups")),
            entry("list:groups", List.of("read:groups:name")),
            entry("read:groups", List.of("read:groups:name")),
            entry("admin:services", List.of("list:services", "read:services", "read:roles:services")),
            entry("list:services", List.of("read:services:name")),
            entry("read:services", List.of("read:services:name")),
            entry("users:shares", List.of("read:users:shares")),
            entry("groups:shares", List.of("read:groups:shares")),
            entry("shares", List.of("access:servers", "read:shares", "users:shares", "groups:shares")));

    /** Every scope JupyterHub defines, metascopes included. */
    public static final Set<String> KNOWN = Set.of(
            "self",
            "inherit",
            "admin-ui",
            "admin:users",
            "admin:auth_state",
            "users",
            "delete:users",
            "list:users",
            "read:users",
            "read:users:name",
            "read:users:groups",
            "read:users:activity",
            "read:roles",
            "read:roles:users",
            "read:roles:services",
            "read:roles:groups",
            "users:activity",
            "admin:servers",
            "admin:server_state",
            "servers",
            "read:servers",
            "delete:servers",
            "tokens",
            "read:tokens",
            "admin:groups",
            "groups",
            "list:groups",
            "read:groups",
            "read:groups:name",
            "delete:groups",
            "admin:services",
            "list:services",
            "read:services",
            "read:services:name",
            "read:hub",
            "access:servers",
            "access:services",
            "users:shares",
            "read:users:shares",
            "groups:shares",
            "read:groups:shares",
            "read:shares",
            "shares",
            "proxy",
            "shutdown",
            "read:metrics");

    /** The scopes of JupyterHub's default {@code admin} role. */
    public static final List<String> ADMIN_ROLE = List.of(
            "admin-ui",
            "admin:users",
            "admin:servers",
            "admin:services",
            "tokens",
            "admin:groups",
            "list:services",
            "read:services",
            "read:hub",
            "proxy",
            "shutdown",
            "access:services",
            "access:servers",
            "read:roles",
            "read:metrics",
            "shares");

    /** What {@code self} stands for, each filtered to the user itself ({@code _expand_self_scope}). */
    static final List<String> SELF = List.of(
            "read:users",
            "read:users:name",
            "read:users:groups",
            "users:shares",
            "read:users:shares",
            "read:shares",
            "users:activity",
            "read:users:activity",
            "servers",
            "delete:servers",
            "read:servers",
            "tokens",
            "read:tokens",
            "access:servers");

    private ScopeTree() {
        // non-constructable
    }

    /** The scope and everything it implies, recursively ({@code _expand_scope} without the filter). */
    static Set<String> withSubscopes(String base) {
        Set<String> all = new LinkedHashSet<>();
        add(base, all);
        return all;
    }

    private static void add(String base, Set<String> all) {
        if (all.add(base)) {
            SUBSCOPES.getOrDefault(base, List.of()).forEach(sub -> add(sub, all));
        }
    }

    /** Every subscope of every scope, for tests and documentation. */
    static Map<String, List<String>> subscopes() {
        return SUBSCOPES;
    }
}
