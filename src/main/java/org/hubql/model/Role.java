package org.hubql.model;

import java.util.List;

/** A row of {@code roles} (JupyterHub 2.0 and later): a named set of scopes. */
public record Role(long id, String name, String description, List<String> scopes) implements Identified {}
