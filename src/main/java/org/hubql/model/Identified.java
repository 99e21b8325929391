package org.hubql.model;

/** A row with an integer primary key: every type the graph exposes as a {@code Node}. */
public interface Identified {
    long id();
}
