package org.hubql.model;

/** Whose server a {@link Server} row is, as far as the fetcher that produced it knows. */
public sealed interface ServerOwner {

    /** Not looked up (or a row no spawner and no service names). */
    record Unknown() implements ServerOwner {}

    /** A user's server: the spawner that runs it. */
    record OfSpawner(long spawnerId, long userId) implements ServerOwner {}

    record OfService(long serviceId) implements ServerOwner {}

    ServerOwner UNKNOWN = new Unknown();
}
