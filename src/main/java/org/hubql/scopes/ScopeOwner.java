package org.hubql.scopes;

import java.util.List;

/**
 * Who holds the scopes being expanded: the user or service that a bare {@code !user} or {@code !service} filter
 * and {@code self} refer to, and the OAuth client a token was issued to, which a bare {@code !server} or
 * {@code !service} refers to.
 */
public record ScopeOwner(Kind kind, String name, Client client) {

    public enum Kind {
        USER,
        SERVICE
    }

    /** The OAuth client a token was issued to, as far as a bare filter is concerned. */
    public sealed interface Client {
        /** Not an OAuth token, or one whose client belongs to no server or service. */
        record None() implements Client {}

        /** The client of a user's server {@code user/name}. */
        record OfServer(String server) implements Client {}

        record OfService(String service) implements Client {}
    }

    public static ScopeOwner user(String name) {
        return new ScopeOwner(Kind.USER, name, new Client.None());
    }

    public static ScopeOwner service(String name) {
        return new ScopeOwner(Kind.SERVICE, name, new Client.None());
    }

    /** The same owner, holding a token issued to {@code client}. */
    public ScopeOwner issuedTo(Client client) {
        return new ScopeOwner(kind, name, client);
    }

    /** {@code read:users:name!user=<me>} and {@code read:users:groups!user=<me>}, or a service's name. */
    public ExpandedScopes identify() {
        return kind == Kind.USER
                ? ExpandedScopes.parse(List.of("read:users:name!user=" + name, "read:users:groups!user=" + name))
                : ExpandedScopes.parse(List.of("read:services:name!service=" + name));
    }

    /** What a bare filter ({@code user}, {@code service}, {@code server}) becomes; empty when it has no target. */
    String replacement(String bareFilter) {
        return switch (bareFilter) {
            case "user" -> kind == Kind.USER ? "user=" + name : "";
            case "service" ->
                client instanceof Client.OfService service
                        ? "service=" + service.service()
                        : kind == Kind.SERVICE ? "service=" + name : "";
            case "server" -> client instanceof Client.OfServer server ? "server=" + server.server() : "";
            default -> bareFilter;
        };
    }
}
