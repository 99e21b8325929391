package org.hubql.model;

/** A row of {@code groups}. */
public record Group(long id, String name) implements Identified {}
