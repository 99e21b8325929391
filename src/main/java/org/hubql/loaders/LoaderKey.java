package org.hubql.loaders;

/** The name of one per-request data loader, with its key and value types. */
public record LoaderKey<K, V>(String name) {}
