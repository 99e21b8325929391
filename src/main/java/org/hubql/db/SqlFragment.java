package org.hubql.db;

import java.util.List;

/** A piece of SQL and the values its placeholders take, in order. */
public record SqlFragment(String text, List<Object> params) {}
