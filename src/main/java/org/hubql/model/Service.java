package org.hubql.model;

/** A row of {@code services}. */
public record Service(long id, String name, boolean admin, Integer pid, String url, Long serverId)
        implements Identified {}
