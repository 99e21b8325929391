package org.hubql.scopes;

import java.util.Optional;

/** What a scope's filter can name: {@code !user=}, {@code !group=}, {@code !server=user/name}, {@code !service=}. */
public enum FilterKind {
    USER("user"),
    GROUP("group"),
    SERVER("server"),
    SERVICE("service");

    private final String key;

    FilterKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The kind a filter's key names; empty for a key JupyterHub would never match. */
    static Optional<FilterKind> named(String key) {
        for (FilterKind kind : values()) {
            if (kind.key.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
